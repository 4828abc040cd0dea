import { parseDocument } from './documents.ts';

/** What a person record says that can tell it is another record of the same person. */
export interface SamePersonFacts {
  /** The folded name words sorted (src/text/fold-name.ts nameKey): any diacritics, case or order. */
  nameKey: string | null;
  dateOfBirth: string | null;
  documentNumbers: readonly string[];
}

/**
 * The keys under which two person records count as likely one person: the same name words in
 * any order with the same birth date, or a document number of the same kind (`CCCD:…`, `PP:…`,
 * compared as entity resolution compares them). Two records sharing any key are likely the same
 * person. Ring detection ties such records together, and protection of minors and victims
 * follows a person across them (src/protection/); both take the rule from here, so a record
 * that detection counts as her is masked as she is.
 */
export function samePersonKeys(person: SamePersonFacts): string[] {
  const keys = new Set<string>();
  if (person.nameKey && person.dateOfBirth) keys.add(`name:${person.dateOfBirth}\u0000${person.nameKey}`);
  for (const raw of person.documentNumbers) {
    const document = parseDocument(raw);
    if (document) keys.add(`document:${document.key}`);
  }
  return [...keys];
}

/** True when the two records share a same-person key. */
export function likelySamePerson(a: SamePersonFacts, b: SamePersonFacts): boolean {
  const keys = new Set(samePersonKeys(a));
  return samePersonKeys(b).some((key) => keys.has(key));
}
