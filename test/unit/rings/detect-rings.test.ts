import { describe, expect, it } from 'vitest';
import { detectRings } from '../../../src/rings/core/detect-rings.ts';
import { InvalidDetectionOptionsError } from '../../../src/rings/core/errors.ts';
import { createSeededRandom } from '../../../src/rings/core/seeded-random.ts';
import type { DetectionResult, RingProjection } from '../../../src/rings/core/types.ts';
import { addBackground, addReturnedTourGroup, plantTraffickingRing } from './fixtures/city-scenario.ts';
import { ProjectionBuilder, shuffleProjection } from './fixtures/projection-builder.ts';

function cityProjection(): RingProjection {
  return cityBuilder().build();
}

function cityBuilder(): ProjectionBuilder {
  const builder = new ProjectionBuilder();
  for (const prefix of ['A', 'B', 'C']) plantTraffickingRing(builder, prefix);
  addBackground(builder, 20);
  addReturnedTourGroup(builder, 'T', 20);
  builder.broker('agency', 'LICENSED_AGENCY', 'ACTIVE');
  for (let i = 0; i < 300; i++) builder.person(`recruit-${i}`).link(`recruit-${i}`, 'agency', 'RECRUITED_BY');
  builder.link('A-victim-5', 'background-0-member-0', 'KNOWS');
  return builder;
}

/** The parts of a result that must not depend on timing. */
function stable(result: DetectionResult) {
  return { rings: result.rings, modularity: result.modularity, communityCount: result.communityCount };
}

describe('detectRings', () => {
  it('finds each planted ring whole and ranks it above ordinary communities', () => {
    const result = detectRings(cityProjection());
    const top = result.rings.slice(0, 3);
    expect(top.map((ring) => ring.members.find((m) => m.role === 'organiser')?.entityId).sort()).toEqual([
      'A-organiser',
      'B-organiser',
      'C-organiser',
    ]);
    for (const ring of top) {
      const prefix = ring.members[0]!.entityId.split('-')[0]!;
      expect(ring.members.filter((m) => m.entityId.startsWith(`${prefix}-`))).toHaveLength(13);
      expect(ring.score).toBeGreaterThanOrEqual(70);
    }
    expect(result.rings.slice(3).every((ring) => ring.score < 25)).toBe(true);
    expect(result.graphStats.projectionNodes).toBe(cityProjection().nodes.length);
  });

  it('gives the same rings, ids and scores for the same input and seed, in any row order', () => {
    const projection = cityProjection();
    const first = detectRings(projection, { seed: 7 });
    expect(stable(detectRings(projection, { seed: 7 }))).toEqual(stable(first));
    for (const shuffleSeed of [1, 2]) {
      const shuffled = shuffleProjection(projection, createSeededRandom(shuffleSeed));
      expect(stable(detectRings(shuffled, { seed: 7 }))).toEqual(stable(first));
    }
  });

  it('keeps ring ids across two runs where most members carry over', () => {
    const first = detectRings(cityProjection());
    const previous = first.rings.map((ring, i) => ({
      id: ring.id,
      memberEntityIds: ring.members.map((m) => m.entityId),
      ...(i === 0 ? { status: 'CONFIRMED' as const } : {}),
    }));
    // The same city, where two new recruits have joined ring A.
    const builder = cityBuilder();
    builder.person('A-new-1', { caseRoles: ['SUSPECTED_VICTIM'] }).link('A-new-1', 'A-recruiter-1', 'RECRUITED_BY');
    builder.person('A-new-2').link('A-new-2', 'A-broker', 'RECRUITED_BY').link('A-new-2', 'A-new-1', 'KNOWS');
    const second = detectRings(builder.build(), {}, previous);
    const ringA = (result: DetectionResult) =>
      result.rings.find((r) => r.members.some((m) => m.entityId === 'A-organiser'))!;
    expect(ringA(second).id).toBe(ringA(first).id);
    expect(ringA(second).continues?.jaccard).toBeGreaterThan(0.8);
    if (ringA(first) === first.rings[0]) expect(ringA(second).status).toBe('CONFIRMED');
  });

  it('reports only communities with at least minSize people', () => {
    // Two people sharing two burners that call each other: a ring of two.
    const builder = new ProjectionBuilder()
      .person('a')
      .person('b')
      .phone('p', { distinctUsers: 2, callCount: 50 })
      .phone('q', { distinctUsers: 2, callCount: 50 })
      .link('a', 'p', 'SHARED_PHONE')
      .link('b', 'p', 'SHARED_PHONE')
      .link('a', 'q', 'SHARED_PHONE')
      .link('b', 'q', 'SHARED_PHONE')
      .link('p', 'q', 'CALLED', 50)
      .phone('x')
      .phone('y')
      .phone('z')
      .clique(['x', 'y', 'z'], 'CALLED', 10);
    expect(detectRings(builder.build()).rings).toEqual([]);
    const small = detectRings(builder.build(), { minSize: 2 });
    expect(small.rings.map((ring) => ring.personCount)).toEqual([2]);
    expect(detectRings(builder.build(), { minSize: 1 }).rings.every((ring) => ring.personCount > 0)).toBe(true);
  });

  it('reports the stage timings and the progress of each stage', () => {
    const stages: string[] = [];
    const result = detectRings(cityProjection(), null, [], { onProgress: (event) => stages.push(event.stage) });
    expect(stages).toEqual(['validate', 'evidence', 'build-graph', 'louvain', 'score', 'match']);
    expect(result.timings.total).toBeGreaterThanOrEqual(result.timings.louvain);
  });

  it('rejects bad options up front with InvalidDetectionOptionsError listing every problem', () => {
    const projection = cityProjection();
    const attempt = () =>
      detectRings(projection, { resolution: -1, seed: 1.5, minSize: 0, weights: { illicitBroker: -2 } });
    expect(attempt).toThrow(InvalidDetectionOptionsError);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).name).toBe('InvalidDetectionOptionsError');
      expect((error as InvalidDetectionOptionsError).issues).toHaveLength(4);
    }
    expect(() => detectRings(projection, { hubDamping: { degreeCap: 2 } })).toThrow(/degreeCap/);
  });
});
