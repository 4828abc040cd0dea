import { foldName } from '../../text/fold-name.ts';
import { slipKind } from './edit-distance.ts';

/**
 * How two written names relate, read the Vietnamese way: family name first, then zero or more
 * middle names, then the given name; some agencies (and foreign documents) put the given name
 * first ("Hung Nguyen Van"). Diacritics and case are folded away before anything is compared.
 */
export type NameMatch =
  | 'same' // the same words in the same order
  | 'reordered' // the same words, given name first on one record
  | 'middle-missing' // one record leaves out a middle name
  | 'slip' // one word differs by one clerical slip (a dropped, doubled or swapped letter)
  | 'slip-and-middle' // both of the above
  | 'middle-differs' // family and given names agree, the middle names do not
  | 'different';

export interface NameComparison {
  /** 0..1 */
  similarity: number;
  match: NameMatch;
}

interface NameParts {
  family: string;
  middles: string[];
  given: string;
  givenFirst: boolean;
}

export function nameTokens(name: string): string[] {
  return foldName(name).split(' ').filter(Boolean);
}

/** The readings of a name: as written (family first) and, for two words or more, given name first. */
function readings(tokens: readonly string[]): NameParts[] {
  if (tokens.length === 1) return [{ family: '', middles: [], given: tokens[0]!, givenFirst: false }];
  const asWritten = { family: tokens[0]!, middles: tokens.slice(1, -1), given: tokens.at(-1)!, givenFirst: false };
  const givenFirst = { family: tokens[1]!, middles: tokens.slice(2), given: tokens[0]!, givenFirst: true };
  return [asWritten, givenFirst];
}

/**
 * Memo tables: names come from a small vocabulary (a few hundred words, a few thousand full names),
 * so among millions of candidate pairs almost every comparison has been made before. Bounded, and
 * cleared when full, so memory stays flat on any input.
 */
const MEMO_LIMIT = 200_000;
const wordMemo = new Map<string, number>();
const nameMemo = new Map<string, NameComparison>();

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** 1 for equal words; less for one clerical slip, by how typical the slip is of typing; 0 otherwise. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const key = `${a}|${b}`;
  const known = wordMemo.get(key);
  return known ?? remember(wordMemo, key, computeWordSimilarity(a, b));
}

function computeWordSimilarity(a: string, b: string): number {
  if (Math.min(a.length, b.length) < 2) return 0;
  switch (slipKind(a, b)) {
    case 'transposition':
    case 'doubled-letter':
      return 0.85;
    case 'insertion':
      // "an"/"anh", "hoa"/"hoan" are different names: a dropped letter in a short word is weak evidence.
      return Math.max(a.length, b.length) >= 4 ? 0.8 : 0.6;
    case 'substitution':
      return Math.max(a.length, b.length) >= 5 ? 0.7 : 0.5;
    default:
      return 0;
  }
}

interface MiddleComparison {
  similarity: number;
  missing: boolean;
  slip: boolean;
}

function compareMiddles(a: readonly string[], b: readonly string[]): MiddleComparison {
  if (a.length === b.length && a.every((word, i) => word === b[i]))
    return { similarity: 1, missing: false, slip: false };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // Each word of the shorter list must find its own word in the longer one, in order.
  let from = 0;
  let total = 0;
  for (const word of short) {
    let best = 0;
    let at = -1;
    for (let k = from; k < long.length; k++) {
      const s = wordSimilarity(word, long[k]!);
      if (s > best) [best, at] = [s, k];
      if (s === 1) break;
    }
    if (at === -1 || best < 0.6) return { similarity: 0, missing: false, slip: false };
    total += best;
    from = at + 1;
  }
  const slip = total < short.length;
  const missing = long.length > short.length;
  const agreement = short.length ? total / short.length : 1;
  return { similarity: agreement * (missing ? 0.75 : 1), missing, slip };
}

function compareReadings(a: NameParts, b: NameParts): NameComparison {
  const given = wordSimilarity(a.given, b.given);
  const family = a.family && b.family ? wordSimilarity(a.family, b.family) : 0.5;
  const middle = compareMiddles(a.middles, b.middles);
  let similarity = 0.45 * given + 0.35 * family + 0.2 * middle.similarity;
  if (given < 0.6) similarity = Math.min(similarity, 0.35);
  if (family < 0.6) similarity = Math.min(similarity, 0.45);
  const middleConflict = middle.similarity === 0 && a.middles.length > 0 && b.middles.length > 0;
  if (middleConflict) similarity = Math.min(similarity, 0.45);
  const slip = given < 1 || family < 1 || middle.slip;
  let match: NameMatch;
  if (given < 0.6 || family < 0.6) match = 'different';
  else if (middleConflict) match = 'middle-differs';
  else if (slip && middle.missing) match = 'slip-and-middle';
  else if (slip) match = 'slip';
  else if (middle.missing) match = 'middle-missing';
  else match = a.givenFirst === b.givenFirst ? 'same' : 'reordered';
  return { similarity, match };
}

/**
 * Compares two names as written by any agency: "Nguyễn Văn Hùng", "NGUYEN VAN HUNG",
 * "Hung Nguyen Van" and "Nguyễn Hùng" are one name; "Nguyễn Văn Hunng" is one slip away.
 * The given name counts most (family names are shared by millions), then the family name,
 * then the middle names, which are often left out.
 */
export function compareNames(a: string, b: string): NameComparison {
  return compareNameTokens(nameTokens(a), nameTokens(b));
}

export function compareNameTokens(a: readonly string[], b: readonly string[]): NameComparison {
  if (!a.length || !b.length) return { similarity: 0, match: 'different' };
  const key = `${a.join(' ')}|${b.join(' ')}`;
  return nameMemo.get(key) ?? remember(nameMemo, key, computeNameComparison(a, b));
}

function computeNameComparison(a: readonly string[], b: readonly string[]): NameComparison {
  if (a.length === b.length && a.every((word, i) => word === b[i])) return { similarity: 1, match: 'same' };
  if (a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ')) {
    // The same words in another order: given name first on one record is the usual reason.
    const rotated = a.length >= 2 && [...a.slice(1), a[0]].join(' ') === b.join(' ');
    const rotatedBack = b.length >= 2 && [...b.slice(1), b[0]].join(' ') === a.join(' ');
    return { similarity: rotated || rotatedBack ? 0.97 : 0.85, match: 'reordered' };
  }
  let best: NameComparison = { similarity: 0, match: 'different' };
  for (const ra of readings(a)) {
    for (const rb of readings(b)) {
      const c = compareReadings(ra, rb);
      // Reading a name given-name-first is a guess; prefer the reading as written when both fit.
      // Reading both so mostly pairs family names with family names (the same words in the same
      // order read the same either way), so it counts for little.
      const penalty = ra.givenFirst && rb.givenFirst ? 0.1 : ra.givenFirst || rb.givenFirst ? 0.01 : 0;
      const similarity = Math.max(0, c.similarity - penalty);
      if (similarity > best.similarity) best = { similarity, match: c.match };
    }
  }
  return best;
}
