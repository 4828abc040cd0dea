import { wordSimilarity } from './compare-names.ts';
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

/**
 * The least similarity of two words, as entity resolution reads them (wordSimilarity), for one to
 * be the other with a clerical slip: a doubled, dropped or swapped letter. A changed letter in a
 * short word ("Lan"/"Lam") is another name, and scores below it.
 */
export const MIN_SLIP_SIMILARITY = 0.6;

/**
 * True when two name keys (folded words, sorted) are the same name but for one clerical slip in one
 * word: "hao nguyen thi" and "hoa nguyen thi", "quyynh ..." and "quynh ...". With the same birth date
 * that is one person whose name one agency mistyped, the commonest difference between the records of
 * a person after spelling and word order (which name keys already fold away).
 */
export function oneSlipApart(a: string, b: string): boolean {
  if (a === b) return false;
  const left = a.split(' ');
  const right = b.split(' ');
  if (left.length !== right.length) return false;
  const unmatched = [...right];
  const extra: string[] = [];
  for (const word of left) {
    const at = unmatched.indexOf(word);
    if (at === -1) extra.push(word);
    else unmatched.splice(at, 1);
  }
  return (
    extra.length === 1 && unmatched.length === 1 && wordSimilarity(extra[0]!, unmatched[0]!) >= MIN_SLIP_SIMILARITY
  );
}
