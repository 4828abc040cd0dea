import { describe, expect, it } from 'vitest';
import { buildEvidenceGraph } from '../../../src/rings/core/build-evidence-graph.ts';
import { defaultDetectionOptions } from '../../../src/rings/core/default-detection-options.ts';
import { detectRings } from '../../../src/rings/core/detect-rings.ts';
import { projectionEdgeColumns } from '../../../src/rings/core/evidence-columns.ts';
import { findBurnerPhones } from '../../../src/rings/core/find-burner-phones.ts';
import { indexIncidentRows } from '../../../src/rings/core/index-incident-rows.ts';
import { markRingEvidence } from '../../../src/rings/core/mark-ring-evidence.ts';
import { nodesNearRingEvidence } from '../../../src/rings/core/near-ring-evidence.ts';
import type { RingProjection } from '../../../src/rings/core/types.ts';
import { addBackground, plantTraffickingRing } from './fixtures/city-scenario.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

/** The flags of nodesNearRingEvidence for a projection, with the columns they were computed on. */
function nearFlags(projection: RingProjection, hops: number) {
  const columns = projectionEdgeColumns(projection);
  const incident = indexIncidentRows(projection.nodes.length, columns);
  const burners = findBurnerPhones(projection.nodes, columns, incident, defaultDetectionOptions.scoring);
  const evidence = markRingEvidence(projection.nodes, columns, burners);
  return { columns, near: nodesNearRingEvidence(projection.nodes.length, columns, incident, evidence, hops) };
}

function nearOf(projection: RingProjection, hops: number): Set<string> {
  const { near } = nearFlags(projection, hops);
  return new Set(projection.nodes.filter((_, i) => near[i] === 1).map((node) => node.entityId));
}

/** Two suspects of one case; the first has two more records, one behind the other; a chain of friends. */
function caseWithChains(): RingProjection {
  return new ProjectionBuilder()
    .person('suspect-a')
    .person('suspect-b')
    .person('record-a2')
    .person('record-a3')
    .person('friend-1')
    .person('friend-2')
    .person('friend-3')
    .person('stranger')
    .link('suspect-a', 'suspect-b', 'SAME_CASE')
    .link('suspect-a', 'record-a2', 'SAME_PERSON')
    .link('record-a2', 'record-a3', 'SAME_PERSON')
    .link('suspect-b', 'friend-1', 'KNOWS')
    .link('friend-1', 'friend-2', 'KNOWS')
    .link('friend-2', 'friend-3', 'KNOWS')
    .build();
}

describe('nodesNearRingEvidence', () => {
  it('takes the evidence, every record of its people, and the given number of ties around them', () => {
    const projection = caseWithChains();
    expect(nearOf(projection, 0)).toEqual(new Set(['suspect-a', 'suspect-b', 'record-a2', 'record-a3']));
    expect(nearOf(projection, 1)).toEqual(new Set(['suspect-a', 'suspect-b', 'record-a2', 'record-a3', 'friend-1']));
    expect(nearOf(projection, 2).has('friend-2')).toBe(true);
    expect(nearOf(projection, 2).has('friend-3')).toBe(false);
    expect(nearOf(projection, 10).has('stranger')).toBe(false);
  });

  it('is empty in a city without ring evidence', () => {
    const builder = new ProjectionBuilder();
    addBackground(builder, 20);
    expect(nearOf(builder.build(), 3).size).toBe(0);
  });

  it('leaves ordinary life out of the graph but keeps its hubs damped by their whole degree', () => {
    const builder = new ProjectionBuilder();
    plantTraffickingRing(builder, 'A');
    addBackground(builder, 100);
    const projection = builder.build();
    const { columns, near } = nearFlags(projection, 1);

    const whole = buildEvidenceGraph(projection, defaultDetectionOptions, columns);
    const part = buildEvidenceGraph(projection, defaultDetectionOptions, columns, near);
    const nearCount = near.reduce((sum, flag) => sum + flag, 0);
    expect(part.stats.outsideReach).toBe(projection.nodes.length - nearCount);
    expect(part.graph.order).toBeLessThan(whole.graph.order / 2);
    part.graph.forEachNode((node, { index }) => expect(near[index]).toBe(1));
    // Every edge between two nodes of the part weighs what it weighs in the whole graph.
    part.graph.forEachEdge((_, { weight }, source, target) =>
      expect(weight).toBe(whole.graph.getEdgeAttribute(whole.graph.edge(source, target)!, 'weight')),
    );
  });

  it('finds the same rings as looking at the whole city', () => {
    const builder = new ProjectionBuilder();
    for (const prefix of ['A', 'B', 'C']) plantTraffickingRing(builder, prefix);
    addBackground(builder, 150);
    const projection = builder.build();
    const members = (evidenceReach: number) =>
      detectRings(projection, { evidenceReach })
        .rings.map((ring) => ring.members.map((member) => member.entityId).sort())
        .sort();
    expect(members(1)).toEqual(members(1_000));
    expect(detectRings(projection).graphStats.outsideReach).toBeGreaterThan(0);
  });
});
