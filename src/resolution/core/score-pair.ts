import { compareNameTokens, nameTokens, type NameMatch } from './compare-names.ts';
import type { ResolutionWeights } from './default-resolution-options.ts';
import { DOCUMENT_KIND_NAMES, LIFELONG_DOCUMENT_KINDS, parseDocument, type IdentityDocument } from './documents.ts';
import type { PairFactor, ResolutionPerson, ScoredPair } from './types.ts';

/** A person with what comparisons need computed once. */
export interface PreparedPerson {
  person: ResolutionPerson;
  tokens: string[];
  documents: IdentityDocument[];
  documentKeys: ReadonlySet<string>;
  phones: ReadonlySet<string>;
}

export function preparePerson(person: ResolutionPerson): PreparedPerson {
  const documents = person.documentNumbers.map(parseDocument).filter((d): d is IdentityDocument => d !== null);
  return {
    person,
    tokens: nameTokens(person.fullName),
    documents,
    documentKeys: new Set(documents.map((d) => d.key)),
    phones: new Set(person.phones),
  };
}

const NAME_DESCRIPTIONS: Record<NameMatch, string> = {
  same: 'the same name (without regard to diacritics or case)',
  reordered: 'the same name words in another order (given name first on one record)',
  'middle-missing': 'the same family and given name; one record leaves out a middle name',
  slip: 'names one typing slip apart (a dropped, doubled or swapped letter)',
  'slip-and-middle': 'names one typing slip apart, and one record leaves out a middle name',
  'middle-differs': 'the same family and given name but different middle names',
  different: 'different names',
};

function interpolate(curve: ResolutionWeights['nameCurve'], x: number): number {
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i - 1]!;
    const [x0, y0] = curve[i]!;
    if (x >= x0) return x1 === x0 ? y1 : y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
  }
  return curve.at(-1)?.[1] ?? 0;
}

/** Two dates that look like one date mistyped: one digit off, or day and month swapped. */
function closeDates(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing += 1;
  if (differing === 1) return true;
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  return ya === yb && ma === db && da === mb;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Scores one pair: the log-odds of the evidence (name, birth date, documents, phones, province,
 * sex) turned into 0..1 by the logistic function, with each piece of evidence as a factor whose
 * description names no personal data (so a list of candidates never reveals a protected person's
 * name, birth date or document number; the entities themselves are masked as everywhere).
 */
export function scorePair(left: PreparedPerson, right: PreparedPerson, weights: ResolutionWeights): ScoredPair {
  const a = left.person;
  const b = right.person;
  const factors: PairFactor[] = [];
  const add = (code: string, weight: number, description: string) => factors.push({ code, description, weight });

  const name = compareNameTokens(left.tokens, right.tokens);
  add(
    `NAME_${name.match.toUpperCase().replace(/-/g, '_')}`,
    interpolate(weights.nameCurve, name.similarity),
    NAME_DESCRIPTIONS[name.match],
  );

  let birthConflict = false;
  if (a.dateOfBirth && b.dateOfBirth) {
    if (a.dateOfBirth === b.dateOfBirth) add('BIRTH_DATE_EQUAL', weights.birthDateEqual, 'the same birth date');
    else if (closeDates(a.dateOfBirth, b.dateOfBirth)) {
      add('BIRTH_DATE_CLOSE', weights.birthDateClose, 'birth dates one digit apart, or with day and month swapped');
    } else {
      birthConflict = true;
      add('BIRTH_DATE_DIFFERENT', weights.birthDateDifferent, 'different birth dates');
    }
  } else if (a.dateOfBirth || b.dateOfBirth) {
    add('BIRTH_DATE_ONE_SIDE', 0, 'a birth date on one record only');
  }

  const shared = left.documents.filter((d) => right.documentKeys.has(d.key));
  const sharedKinds = new Set(shared.map((d) => d.kind));
  let documentConflict = false;
  for (const kind of sharedKinds) {
    add(
      `DOCUMENT_EQUAL_${kind}`,
      weights.documentEqual,
      `the same ${DOCUMENT_KIND_NAMES[kind] ?? `${kind} document`} number`,
    );
  }
  const leftKinds = new Set(left.documents.map((d) => d.kind));
  for (const kind of new Set(right.documents.map((d) => d.kind))) {
    if (!leftKinds.has(kind) || sharedKinds.has(kind) || kind === 'OTHER') continue;
    const lifelong = LIFELONG_DOCUMENT_KINDS.has(kind);
    documentConflict ||= lifelong;
    add(
      `DOCUMENT_DIFFERENT_${kind}`,
      lifelong ? weights.lifelongDocumentDifferent : weights.documentDifferent,
      `different ${DOCUMENT_KIND_NAMES[kind] ?? `${kind} document`} numbers`,
    );
  }

  let phones = 0;
  for (const phone of left.phones) if (right.phones.has(phone)) phones += 1;
  if (phones) add('PHONE_SHARED', weights.phoneShared, `${plural(phones, 'phone number', 'phone numbers')} in common`);

  if (a.province && b.province) {
    if (a.province === b.province) add('PROVINCE_EQUAL', weights.provinceEqual, 'the same province');
    else add('PROVINCE_DIFFERENT', weights.provinceDifferent, 'different provinces');
  }
  let sexConflict = false;
  if (a.sex && b.sex && a.sex !== 'UNKNOWN' && b.sex !== 'UNKNOWN' && a.sex !== b.sex) {
    sexConflict = true;
    add('SEX_DIFFERENT', weights.sexDifferent, 'a different sex recorded');
  }

  const logOdds = weights.prior + factors.reduce((sum, f) => sum + f.weight, 0);
  const score = 1 / (1 + Math.exp(-logOdds));
  const autoMergeable =
    [...sharedKinds].some((kind) => kind !== 'OTHER') &&
    !birthConflict &&
    !documentConflict &&
    !sexConflict &&
    name.match !== 'different';
  const [first, second] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
  return { a: first, b: second, score, factors, autoMergeable };
}
