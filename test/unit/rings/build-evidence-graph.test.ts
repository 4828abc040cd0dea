import { describe, expect, it } from 'vitest';
import { buildEvidenceGraph, countFactor, hubFactor } from '../../../src/rings/core/build-evidence-graph.ts';
import { defaultDetectionOptions } from '../../../src/rings/core/default-detection-options.ts';
import { InvalidProjectionError } from '../../../src/rings/core/errors.ts';
import type { EvidenceGraph } from '../../../src/rings/core/evidence-graph.ts';
import { createSeededRandom } from '../../../src/rings/core/seeded-random.ts';
import { ProjectionBuilder, shuffleProjection } from './fixtures/projection-builder.ts';

const options = defaultDetectionOptions;
const base = options.weights.base;

function weightBetween(graph: EvidenceGraph, a: string, b: string): number {
  return graph.getEdgeAttribute(graph.edge(a, b)!, 'weight');
}

function edgeList(graph: EvidenceGraph): string[] {
  return graph.mapEdges((_e, { weight }, s, t) => `${[s, t].sort().join('|')}|${weight.toFixed(9)}`).sort();
}

describe('buildEvidenceGraph', () => {
  it('sums parallel evidence of a pair into one weighted edge', () => {
    const projection = new ProjectionBuilder()
      .person('a')
      .person('b')
      .link('a', 'b', 'KNOWS')
      .link('a', 'b', 'CO_CROSSING', 4)
      .link('b', 'a', 'SAME_CASE')
      .build();
    const { graph } = buildEvidenceGraph(projection, options);
    expect(graph.size).toBe(1);
    const expected = base.KNOWS + base.CO_CROSSING * countFactor(4, options.weights.maxCountFactor) + base.SAME_CASE;
    expect(weightBetween(graph, 'a', 'b')).toBeCloseTo(expected, 5);
  });

  it('leaves out isolated nodes and self-loops but counts them', () => {
    const projection = new ProjectionBuilder()
      .person('a')
      .person('b')
      .person('alone')
      .link('a', 'b', 'KNOWS')
      .link('a', 'a', 'KNOWS')
      .build();
    const { graph, stats } = buildEvidenceGraph(projection, options);
    expect(graph.hasNode('alone')).toBe(false);
    expect(stats).toMatchObject({ projectionNodes: 3, graphNodes: 2, isolatedNodes: 1, selfLoopRowsIgnored: 1 });
  });

  it('damps a star hub so its total strength stays that of an ordinary node', () => {
    const builder = new ProjectionBuilder().broker('agency', 'INDIVIDUAL', 'SUSPENDED');
    for (let i = 0; i < 100; i++) builder.person(`r${i}`).link(`r${i}`, 'agency', 'RECRUITED_BY');
    const { graph } = buildEvidenceGraph(builder.build(), options);
    const strength = graph.reduceEdges((sum, _e, { weight }) => sum + weight, 0);
    expect(weightBetween(graph, 'r0', 'agency')).toBeCloseTo(base.RECRUITED_BY * hubFactor(100, options.hubDamping), 5);
    expect(strength).toBeCloseTo(base.RECRUITED_BY * options.hubDamping.freeDegree, 3);
  });

  it('weighs recruitment by a licensed active agency weakly and by an unlicensed broker strongly', () => {
    const projection = new ProjectionBuilder()
      .broker('licensed', 'LICENSED_AGENCY', 'ACTIVE')
      .broker('revoked', 'LICENSED_AGENCY', 'REVOKED')
      .broker('unlicensed', 'UNLICENSED', 'NONE')
      .person('a')
      .person('b')
      .person('c')
      .link('a', 'licensed', 'RECRUITED_BY')
      .link('b', 'revoked', 'RECRUITED_BY')
      .link('c', 'unlicensed', 'RECRUITED_BY')
      .build();
    const { graph } = buildEvidenceGraph(projection, options);
    expect(weightBetween(graph, 'a', 'licensed')).toBeCloseTo(base.RECRUITED_BY * options.weights.licensedActiveBroker);
    expect(weightBetween(graph, 'b', 'revoked')).toBeCloseTo(base.RECRUITED_BY * options.weights.illicitBroker);
    expect(weightBetween(graph, 'c', 'unlicensed')).toBeCloseTo(base.RECRUITED_BY * options.weights.illicitBroker);
  });

  it('drops rows at endpoints over the degree cap from the community step', () => {
    const builder = new ProjectionBuilder().broker('agency', 'LICENSED_AGENCY', 'ACTIVE');
    for (let i = 0; i < 2000; i++) builder.person(`r${i}`).link(`r${i}`, 'agency', 'RECRUITED_BY');
    builder.link('r0', 'r1', 'KNOWS');
    const { graph, stats } = buildEvidenceGraph(builder.build(), options);
    expect(stats.rowsDroppedAtHubs).toBe(2000);
    expect(graph.hasNode('agency')).toBe(false);
    expect(graph.size).toBe(1);
  });

  it('builds the same graph, in the same order, whatever the order of nodes and rows', () => {
    const builder = new ProjectionBuilder();
    for (let i = 0; i < 30; i++) builder.person(`p${i}`);
    const random = createSeededRandom(7);
    for (let i = 0; i < 120; i++) {
      const a = Math.floor(random() * 30);
      const b = Math.floor(random() * 30);
      builder.link(`p${a}`, `p${b}`, random() < 0.5 ? 'KNOWS' : 'CALLED', 1 + Math.floor(random() * 9));
    }
    const projection = builder.build();
    const original = buildEvidenceGraph(projection, options).graph;
    const shuffled = buildEvidenceGraph(shuffleProjection(projection, createSeededRandom(99)), options).graph;
    expect(shuffled.nodes()).toEqual(original.nodes());
    expect(edgeList(shuffled)).toEqual(edgeList(original));
  });

  it('rejects rows that point outside the node table with InvalidProjectionError', () => {
    const projection = new ProjectionBuilder().person('a').build();
    const broken = { nodes: projection.nodes, edges: [{ source: 0, target: 5, kind: 'KNOWS' as const, count: 1 }] };
    expect(() => buildEvidenceGraph(broken, options)).toThrow(
      expect.objectContaining({ name: 'InvalidProjectionError' }),
    );
    expect(() => buildEvidenceGraph(broken, options)).toThrow(InvalidProjectionError);
  });

  it('rejects a non-positive count and a repeated entity id', () => {
    const projection = new ProjectionBuilder().person('a').person('b').build();
    const badCount = { nodes: projection.nodes, edges: [{ source: 0, target: 1, kind: 'KNOWS' as const, count: 0 }] };
    expect(() => buildEvidenceGraph(badCount, options)).toThrow(/count 0/);
    const repeated = { nodes: [projection.nodes[0]!, projection.nodes[0]!], edges: [] };
    expect(() => buildEvidenceGraph(repeated, options)).toThrow(/repeats entityId a/);
  });
});
