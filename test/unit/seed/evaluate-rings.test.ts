import { describe, expect, it } from 'vitest';
import { evaluateRings, type PlantedRing, type RingCandidate } from '../../../seed/evaluate/evaluate-rings.ts';
import { parseCandidates } from '../../../seed/evaluate/parse-candidates.ts';

const police = (id: string) => ({ source: 'police', externalId: id });
const telecom = (id: string) => ({ source: 'telecom', externalId: id });

// Ring A: people a1..a4; a1 is also known to telecom. Ring B: people b1..b4.
const planted: PlantedRing[] = [
  {
    id: 'A',
    shape: 'BRIDES_TO_CN',
    members: [
      { person: 'a1', refs: [police('A1'), telecom('T-A1')] },
      { person: 'a2', refs: [police('A2')] },
      { person: 'a3', refs: [police('A3')] },
      { person: 'a4', refs: [police('A4')] },
    ],
  },
  {
    id: 'B',
    shape: 'SCAM_COMPOUND_YOUTHS',
    members: ['B1', 'B2', 'B3', 'B4'].map((id) => ({ person: id.toLowerCase(), refs: [police(id)] })),
  },
];

const candidate = (id: string, score: number, members: { source: string; externalId: string }[][]): RingCandidate => ({
  id,
  score,
  members: members.map((refs) => ({ refs })),
});

describe('evaluateRings', () => {
  it('gives the lowest score of a ring found per shape and the highest of a candidate of no ring', () => {
    const result = evaluateRings(planted, [
      candidate('a', 70, [[police('A1')], [police('A2')], [police('A3')]]),
      candidate('a-part', 80, [[police('A4')]]),
      candidate('ordinary', 35, [[police('X1')], [police('X2')], [police('X3')]]),
      candidate('decoy', 41, [[police('X4')], [police('X5')]]),
    ]);
    expect(result.byShape.map((shape) => [shape.shape, shape.lowestFoundScore])).toEqual([
      ['BRIDES_TO_CN', 70],
      ['SCAM_COMPOUND_YOUTHS', null],
    ]);
    // 'a-part' holds a ring's person, so it is no ordinary community, however poor a match.
    expect(result.highestUnmatchedScore).toBe(41);
  });

  it('finds a ring through any of a person’s records and counts duplicates of one person once', () => {
    const result = evaluateRings(planted, [
      candidate('c1', 90, [[telecom('T-A1')], [police('A1')], [police('A2')], [police('A3')]]),
    ]);
    // {a1, a2, a3} vs {a1..a4}: Jaccard 3/4.
    expect(result.rings[0]).toMatchObject({ id: 'A', bestCandidate: 'c1', jaccard: 0.75, found: true });
    expect(result.rings[1]).toMatchObject({ id: 'B', bestCandidate: null, jaccard: 0, found: false });
    expect(result.recall).toBe(0.5);
    expect(result.k).toBe(2);
    expect(result.correctAtK).toBe(1);
    expect(result.precisionAtK).toBe(0.5);
  });

  it('counts strangers in a candidate, so a community swallowing a ring does not match it', () => {
    const strangers = Array.from({ length: 5 }, (_, i) => [police(`X${i}`)]);
    const result = evaluateRings(planted, [
      candidate('huge', 99, [[police('B1')], [police('B2')], [police('B3')], [police('B4')], ...strangers]),
    ]);
    // 4 shared / (4 + 9 - 4) = 0.44.
    expect(result.rings[1]?.jaccard).toBeCloseTo(4 / 9);
    expect(result.rings[1]?.found).toBe(false);
  });

  it('judges only the top k candidates by score for precision, and all candidates for recall', () => {
    const result = evaluateRings(planted, [
      candidate('noise-1', 80, [[police('X1')], [police('X2')]]),
      candidate('ring-b', 10, [[police('B1')], [police('B2')], [police('B3')]]),
      candidate('ring-a', 95, [[police('A1')], [police('A2')], [police('A3')], [police('A4')]]),
      candidate('noise-2', 50, [[police('A1')], [police('X3')], [police('X4')], [police('X5')]]),
    ]);
    expect(result.topCandidates.map((c) => c.id)).toEqual(['ring-a', 'noise-1']);
    expect(result.precisionAtK).toBe(0.5);
    expect(result.recall).toBe(1);
    expect(result.rings.map((ring) => ring.bestCandidate)).toEqual(['ring-a', 'ring-b']);
  });

  it('divides precision by k even with fewer candidates, and treats an empty truth as perfect', () => {
    expect(evaluateRings(planted, []).precisionAtK).toBe(0);
    expect(evaluateRings([], [candidate('c', 1, [[police('A1')]])])).toMatchObject({
      recall: 1,
      precisionAtK: 1,
      k: 0,
    });
  });

  it('accepts candidate members as pairs, lists of pairs or entities, and drops non-person entities', () => {
    const parsed = parseCandidates({
      candidates: [
        {
          id: 7,
          score: 42.5,
          members: [
            { source: 'police', externalId: 'A1' },
            [police('A2'), telecom('T-A2')],
            { kind: 'PERSON', sources: [police('A3')] },
            { role: 'victim', entity: { kind: 'PERSON', sources: [police('A4')] } },
            { role: null, entity: { kind: 'PHONE', sources: [telecom('+84912345678')] } },
          ],
        },
      ],
    });
    expect(parsed).toEqual([
      {
        id: '7',
        score: 42.5,
        members: [
          { refs: [police('A1')] },
          { refs: [police('A2'), telecom('T-A2')] },
          { refs: [police('A3')] },
          { refs: [police('A4')] },
        ],
      },
    ]);
    expect(evaluateRings(planted, parsed).rings[0]?.jaccard).toBe(1);
  });
});
