import type { Database } from '../db/database.ts';
import { SerialQueue } from '../shared/serial-queue.ts';
import {
  defaultResolutionOptions,
  findDuplicates,
  planAutoMerges,
  resolveResolutionOptions,
  type BlockingStats,
  type ScoredPair,
} from './core/index.ts';
import { mergeEntities, readMerges, unmergeEntity, type MergeRecord } from './merge-entities.ts';
import { readPeople, readSeparatedPairs } from './read-people.ts';
import { autoMergeFromEnv } from './resolution-config.ts';

export interface ResolutionReport {
  people: number;
  scoredPairs: number;
  blocks: BlockingStats['blocks'];
  minScore: number;
  /** Candidate pairs by score band, e.g. "0.90-1.00". */
  bands: { band: string; pairs: number }[];
  candidates: number;
  autoMergeable: number;
  autoMerge: boolean;
  merges: { mergeId: string; keptId: string; mergedId: string }[];
  seconds: { search: number; merge: number };
}

const BANDS = [0.99, 0.95, 0.9, 0.8, 0.7, 0.5, 0] as const;

function bandOf(score: number): string {
  const lower = BANDS.find((b) => score >= b) ?? 0;
  const upper = BANDS[BANDS.indexOf(lower) - 1] ?? 1;
  return `${lower.toFixed(2)}-${upper.toFixed(2)}`;
}

/**
 * Entity resolution: candidate duplicates among person entities, merges and their undoing, and
 * the automatic merges of people who share a document number of the same kind.
 */
export class ResolutionService {
  /** Merges in this process one at a time: two merges of one entity at once would fight over its links. */
  private readonly writes = new SerialQueue();

  constructor(private readonly db: Database) {}

  /** Every pair at or above minScore (and every auto-mergeable one), best first. */
  async findCandidates(minScore: number = defaultResolutionOptions.minScore) {
    const options = resolveResolutionOptions({ minScore });
    const [people, separated] = await Promise.all([readPeople(this.db), readSeparatedPairs(this.db)]);
    const search = findDuplicates(people, options, separated);
    return { people, search, pairs: search.pairs.filter((p) => p.score >= minScore) };
  }

  /**
   * One page of the pairs at or above minScore. `visible` drops, before paging, the pairs the
   * caller may not see (the viewer's protection), so pages and the total count only those.
   */
  async candidates(
    minScore: number,
    page: { skip: number; limit: number },
    visible: (pairs: ScoredPair[]) => Promise<ScoredPair[]> = async (pairs) => pairs,
  ): Promise<{ pairs: ScoredPair[]; total: number }> {
    const pairs = await visible((await this.findCandidates(minScore)).pairs);
    return { pairs: pairs.slice(page.skip, page.skip + page.limit), total: pairs.length };
  }

  merge(keep: string, merge: string, reason: string, by: string, automatic = false): Promise<MergeRecord> {
    return this.writes.run(() =>
      this.db.writeTransaction((tx) => mergeEntities(tx, { keep, merge, reason, by, automatic, now: new Date() }), {
        metadata: { operation: 'mergeEntities', keep, merge },
      }),
    );
  }

  unmerge(id: string, mergeId: string | null, by: string): Promise<{ merge: MergeRecord; ids: [string, string] }> {
    return this.writes.run(() =>
      this.db.writeTransaction((tx) => unmergeEntity(tx, { id, mergeId, by, now: new Date() }), {
        metadata: { operation: 'unmergeEntity', id },
      }),
    );
  }

  /** The merges an entity took part in, as the kept or the merged one, newest first. */
  merges(id: string): Promise<MergeRecord[]> {
    return this.db.readTransaction((tx) => readMerges(tx, id));
  }

  /**
   * Computes the candidates and, when autoMerge (default: RESOLUTION_AUTO_MERGE, false unless set),
   * merges the groups that share a document number of the same kind with nothing contradicting.
   * Call it after loading a scenario; `npm run resolve` prints its report.
   */
  async resolveDuplicates(
    options: { autoMerge?: boolean; minScore?: number; by?: string } = {},
  ): Promise<ResolutionReport> {
    const autoMerge = options.autoMerge ?? autoMergeFromEnv();
    const minScore = options.minScore ?? defaultResolutionOptions.minScore;
    const started = performance.now();
    const { people, search, pairs } = await this.findCandidates(minScore);
    const searched = performance.now();
    const counts = new Map<string, number>();
    for (const pair of pairs) counts.set(bandOf(pair.score), (counts.get(bandOf(pair.score)) ?? 0) + 1);
    const autoPairs = search.pairs.filter((p) => p.autoMergeable);
    const merges: ResolutionReport['merges'] = [];
    if (autoMerge) {
      const byId = new Map(people.map((p) => [p.id, p]));
      for (const group of planAutoMerges(byId, autoPairs, defaultResolutionOptions.weights)) {
        for (const mergedId of group.merge) {
          const record = await this.merge(
            group.keep,
            mergedId,
            'automatic: the same document number of the same kind',
            options.by ?? 'resolution:auto',
            true,
          );
          merges.push({ mergeId: record.id, keptId: group.keep, mergedId });
        }
      }
    }
    return {
      people: people.length,
      scoredPairs: search.stats.scored,
      blocks: search.stats.blocks,
      minScore,
      bands: [...counts.entries()].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([band, n]) => ({ band, pairs: n })),
      candidates: pairs.length,
      autoMergeable: autoPairs.length,
      autoMerge,
      merges,
      seconds: { search: (searched - started) / 1000, merge: (performance.now() - searched) / 1000 },
    };
  }
}
