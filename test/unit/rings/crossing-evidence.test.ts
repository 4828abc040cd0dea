import { describe, expect, it } from 'vitest';
import { analyseCrossings, type CrossingRow } from '../../../src/rings/projection/crossing-evidence.ts';

const minute = 60_000;
const crossing = (person: number, direction: 'EXIT' | 'ENTRY', at: number, country = 'CN'): CrossingRow => ({
  person,
  checkpoint: 1,
  checkpointName: 'Mong Cai',
  direction,
  at: at * minute,
  country,
});

describe('analyseCrossings', () => {
  it('ties people who left together when one of them did not come back', () => {
    const rows = [crossing(1, 'EXIT', 0), crossing(2, 'EXIT', 10), crossing(3, 'EXIT', 20), crossing(3, 'ENTRY', 3000)];
    const { coCrossings, exitsWithoutReturn } = analyseCrossings(rows);
    expect([...coCrossings.values()]).toEqual([
      { source: 1, target: 2, count: 1 },
      { source: 1, target: 3, count: 1 },
      { source: 2, target: 3, count: 1 },
    ]);
    expect([...exitsWithoutReturn.keys()].sort()).toEqual([1, 2]);
    expect(exitsWithoutReturn.get(1)).toEqual([
      { checkpoint: 'Mong Cai', country: 'CN', at: '1970-01-01T00:00:00.000Z' },
    ]);
  });

  it('ties nobody on a trip that everyone came back from', () => {
    const rows = [1, 2, 3].flatMap((p) => [crossing(p, 'EXIT', p), crossing(p, 'ENTRY', 5000 + p)]);
    const { coCrossings, exitsWithoutReturn } = analyseCrossings(rows);
    expect(coCrossings.size).toBe(0);
    expect(exitsWithoutReturn.size).toBe(0);
  });

  it('leaves out crossings more than the window apart and busy hours over the group limit', () => {
    const apart = analyseCrossings([crossing(1, 'EXIT', 0), crossing(2, 'EXIT', 61)]);
    expect(apart.coCrossings.size).toBe(0);
    const busy = analyseCrossings(
      Array.from({ length: 10 }, (_, p) => crossing(p, 'EXIT', p)),
      { windowMs: 60 * minute, maxGroupSize: 4 },
    );
    expect(Math.max(...[...busy.coCrossings.values()].map((pair) => Math.max(pair.source, pair.target)))).toBeLessThan(
      4,
    );
  });

  it('counts exits to other countries as ordinary travel', () => {
    const { exitsWithoutReturn } = analyseCrossings([crossing(1, 'EXIT', 0, 'TH')]);
    expect(exitsWithoutReturn.size).toBe(0);
  });
});
