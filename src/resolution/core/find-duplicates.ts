import { blockCandidatePairs, type BlockingStats } from './block-candidates.ts';
import { resolveResolutionOptions, type ResolutionOptionsInput } from './default-resolution-options.ts';
import { preparePerson, scorePair } from './score-pair.ts';
import type { ResolutionPerson, ScoredPair } from './types.ts';

export interface DuplicateSearch {
  /** Pairs at or above minScore, best first (ties by ids), and every auto-mergeable pair whatever its score. */
  pairs: ScoredPair[];
  stats: BlockingStats & { people: number; scored: number; milliseconds: { prepare: number; total: number } };
}

/**
 * Candidate duplicates among person entities: blocking, then scoring of every pair that shares a
 * block. `exclude` holds pairs an investigator has already separated (an undone merge), as
 * "idA|idB" with the ids in lexical order.
 */
export function findDuplicates(
  people: readonly ResolutionPerson[],
  input: ResolutionOptionsInput = {},
  exclude: ReadonlySet<string> = new Set(),
): DuplicateSearch {
  const options = resolveResolutionOptions(input);
  const started = performance.now();
  const prepared = people.map(preparePerson);
  const prepareMs = performance.now() - started;
  const pairs: ScoredPair[] = [];
  let scored = 0;
  const stats = blockCandidatePairs(prepared, options.maxBlockSize, (i, j) => {
    scored += 1;
    const pair = scorePair(prepared[i]!, prepared[j]!, options.weights);
    if ((pair.score >= options.minScore || pair.autoMergeable) && !exclude.has(`${pair.a}|${pair.b}`)) pairs.push(pair);
  });
  pairs.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  return {
    pairs,
    stats: {
      ...stats,
      people: people.length,
      scored,
      milliseconds: { prepare: prepareMs, total: performance.now() - started },
    },
  };
}
