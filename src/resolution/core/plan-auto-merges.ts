import type { ResolutionWeights } from './default-resolution-options.ts';
import { preparePerson, scorePair, type PreparedPerson } from './score-pair.ts';
import type { ResolutionPerson, ScoredPair } from './types.ts';

export interface AutoMergeGroup {
  keep: string;
  merge: string[];
}

/** Evidence that two records cannot be one person, whatever else they share. */
const CONTRADICTIONS = /^(BIRTH_DATE_DIFFERENT|SEX_DIFFERENT|DOCUMENT_DIFFERENT_CCCD|NAME_DIFFERENT)$/;

/**
 * Groups of entities to merge automatically: auto-mergeable pairs (the same document number of the
 * same kind, nothing contradicting) joined best first, a join refused when any two members of the
 * joined groups contradict each other (so a chain through a shared document never fuses two people
 * with different birth dates). The kept entity is the one holding most records, then the one with
 * a birth date, then the smallest id.
 */
export function planAutoMerges(
  people: ReadonlyMap<string, ResolutionPerson & { records?: number }>,
  pairs: readonly ScoredPair[],
  weights: ResolutionWeights,
): AutoMergeGroup[] {
  const prepared = new Map<string, PreparedPerson>();
  const prep = (id: string) => {
    let p = prepared.get(id);
    if (!p) {
      const person = people.get(id);
      if (!person) return undefined;
      p = preparePerson(person);
      prepared.set(id, p);
    }
    return p;
  };
  const groupOf = new Map<string, string[]>();
  const candidates = pairs.filter((p) => p.autoMergeable).sort((x, y) => y.score - x.score);
  for (const pair of candidates) {
    const a = groupOf.get(pair.a) ?? [pair.a];
    const b = groupOf.get(pair.b) ?? [pair.b];
    if (a === b) continue;
    const contradicts = a.some((x) =>
      b.some((y) => {
        const px = prep(x);
        const py = prep(y);
        if (!px || !py) return true;
        return scorePair(px, py, weights).factors.some((f) => CONTRADICTIONS.test(f.code));
      }),
    );
    if (contradicts) continue;
    const joined = [...a, ...b];
    for (const id of joined) groupOf.set(id, joined);
  }
  const groups = new Set(groupOf.values());
  return [...groups].map((members) => {
    const ranked = [...members].sort((x, y) => {
      const px = people.get(x);
      const py = people.get(y);
      return (
        (py?.records ?? 1) - (px?.records ?? 1) ||
        Number(Boolean(py?.dateOfBirth)) - Number(Boolean(px?.dateOfBirth)) ||
        (x < y ? -1 : 1)
      );
    });
    return { keep: ranked[0]!, merge: ranked.slice(1) };
  });
}
