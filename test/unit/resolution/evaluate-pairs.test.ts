import { describe, expect, it } from 'vitest';
import { evaluatePairs } from '../../../src/resolution/evaluate/evaluate-pairs.ts';
import { autoMergeFromEnv } from '../../../src/resolution/resolution-config.ts';

describe('evaluatePairs', () => {
  // Real person 0 has records r1, r2, r3; person 1 has r4, r5; r6 is someone with one record.
  const identities = [
    ['r1', 'r2', 'r3'],
    ['r4', 'r5'],
  ];

  it('counts a pair of entities correct when all their records are one real person', () => {
    const entities = new Map(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((r) => [`e-${r}`, [r]]));
    const result = evaluatePairs(identities, entities, [
      { a: 'e-r1', b: 'e-r2' },
      { a: 'e-r4', b: 'e-r5' },
      { a: 'e-r3', b: 'e-r6' },
    ]);
    expect(result).toMatchObject({ predicted: 3, correct: 2, truthPairs: 4, found: 2 });
    expect(result.precision).toBeCloseTo(2 / 3);
    expect(result.recall).toBeCloseTo(0.5);
  });

  it('counts records merged into one entity as found, and a wrong merge against precision', () => {
    const entities = new Map<string, string[]>([
      ['e1', ['r1', 'r2']],
      ['e3', ['r3']],
      ['e4', ['r4', 'r6']],
      ['e5', ['r5']],
    ]);
    const result = evaluatePairs(identities, entities, [{ a: 'e1', b: 'e3' }]);
    expect(result).toMatchObject({ found: 3, truthPairs: 4, mergedEntities: 2, correctlyMerged: 1 });
    // Record pairs: r1-r2 and r1-r3, r2-r3 right; r4-r6 wrong.
    expect(result.recordPairPrecision).toBeCloseTo(3 / 4);
  });
});

describe('RESOLUTION_AUTO_MERGE', () => {
  it('is off unless set to true, and refuses anything else', () => {
    expect(autoMergeFromEnv({})).toBe(false);
    expect(autoMergeFromEnv({ RESOLUTION_AUTO_MERGE: 'true' })).toBe(true);
    expect(autoMergeFromEnv({ RESOLUTION_AUTO_MERGE: 'false' })).toBe(false);
    expect(() => autoMergeFromEnv({ RESOLUTION_AUTO_MERGE: 'yes please' })).toThrow(/RESOLUTION_AUTO_MERGE/);
  });
});
