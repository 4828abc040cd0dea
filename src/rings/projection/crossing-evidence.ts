import type { ExitCountry, ExitWithoutReturn } from '../core/index.ts';

export interface CrossingRow {
  person: number;
  checkpoint: number;
  checkpointName: string;
  direction: 'EXIT' | 'ENTRY';
  at: number;
  country: string;
}

export interface CrossingEvidenceOptions {
  /** Two exits at one checkpoint this close together count as leaving together. */
  windowMs: number;
  /**
   * A window holding more crossings than this is a busy hour at a busy checkpoint, not a
   * group: it yields no pairs, so a checkpoint everyone uses does not tie everyone together.
   */
  maxGroupSize: number;
}

export const defaultCrossingEvidenceOptions: CrossingEvidenceOptions = { windowMs: 60 * 60_000, maxGroupSize: 40 };

const WATCHED_COUNTRIES = new Set<string>(['CN', 'LA', 'KH']);

export interface CrossingEvidence {
  /** Person pairs (by node key) that left together, with how many times. */
  coCrossings: Map<string, { source: number; target: number; count: number }>;
  exitsWithoutReturn: Map<number, ExitWithoutReturn[]>;
  travellers: Set<number>;
}

/**
 * From every crossing: who left together (same checkpoint and direction within the window,
 * at least one of them leaving for China, Laos or Cambodia and not coming back) and who left
 * without a later entry. Trips that everyone returns from (traders, tour groups) tie nobody:
 * crossing together is common; leaving together for good is not. Pure, so it is tested
 * without a database.
 */
export function analyseCrossings(
  rows: readonly CrossingRow[],
  options: CrossingEvidenceOptions = defaultCrossingEvidenceOptions,
): CrossingEvidence {
  const byPerson = new Map<number, CrossingRow[]>();
  for (const row of rows) (byPerson.get(row.person) ?? byPerson.set(row.person, []).get(row.person)!).push(row);

  const exitsWithoutReturn = new Map<number, ExitWithoutReturn[]>();
  const open = new Set<CrossingRow>();
  for (const [person, crossings] of byPerson) {
    const lastEntry = crossings.reduce((last, c) => (c.direction === 'ENTRY' && c.at > last ? c.at : last), -Infinity);
    const exits = crossings
      .filter((c) => c.direction === 'EXIT' && c.at > lastEntry && WATCHED_COUNTRIES.has(c.country))
      .sort((a, b) => a.at - b.at);
    if (!exits.length) continue;
    for (const exit of exits) open.add(exit);
    exitsWithoutReturn.set(
      person,
      exits.map((c) => ({
        checkpoint: c.checkpointName,
        country: c.country as ExitCountry,
        at: new Date(c.at).toISOString(),
      })),
    );
  }

  const coCrossings = new Map<string, { source: number; target: number; count: number }>();
  const byLane = new Map<string, CrossingRow[]>();
  for (const row of rows) {
    if (row.direction !== 'EXIT') continue;
    const lane = String(row.checkpoint);
    (byLane.get(lane) ?? byLane.set(lane, []).get(lane)!).push(row);
  }
  for (const lane of byLane.values()) {
    lane.sort((a, b) => a.at - b.at || a.person - b.person);
    let start = 0;
    for (let i = 0; i < lane.length; i += 1) {
      const current = lane[i]!;
      while (current.at - lane[start]!.at > options.windowMs) start += 1;
      if (i - start + 1 > options.maxGroupSize) continue;
      for (let j = start; j < i; j += 1) {
        const other = lane[j]!;
        if (other.person === current.person || !(open.has(current) || open.has(other))) continue;
        const [source, target] =
          other.person < current.person ? [other.person, current.person] : [current.person, other.person];
        const key = `${source}|${target}`;
        const pair = coCrossings.get(key);
        if (pair) pair.count += 1;
        else coCrossings.set(key, { source, target, count: 1 });
      }
    }
  }
  return { coCrossings, exitsWithoutReturn, travellers: new Set(byPerson.keys()) };
}
