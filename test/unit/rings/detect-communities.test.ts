import { describe, expect, it } from 'vitest';
import { buildEvidenceGraph } from '../../../src/rings/core/build-evidence-graph.ts';
import { defaultDetectionOptions } from '../../../src/rings/core/default-detection-options.ts';
import { detectCommunities } from '../../../src/rings/core/detect-communities.ts';
import { createSeededRandom } from '../../../src/rings/core/seeded-random.ts';
import { timeLouvain } from '../../../src/rings/core/time-louvain.ts';
import type { RingProjection } from '../../../src/rings/core/types.ts';
import { weightedModularity } from './fixtures/modularity.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

const seedOptions = { resolution: 1, seed: 42 };

function communitiesOf(projection: RingProjection, options = seedOptions) {
  const { graph } = buildEvidenceGraph(projection, defaultDetectionOptions);
  return { graph, ...detectCommunities(graph, options) };
}

/** The community holding each entity, as a lookup. */
function communityLookup(communities: string[][]): Map<string, number> {
  return new Map(communities.flatMap((members, c) => members.map((member) => [member, c] as const)));
}

function expectCliquesKeptApart(communities: string[][], cliques: string[][]): void {
  const lookup = communityLookup(communities);
  const owners = cliques.map((clique) => new Set(clique.map((member) => lookup.get(member))));
  owners.forEach((owner) => expect(owner.size, 'a planted clique was split').toBe(1));
  const communityOfClique = owners.map((owner) => [...owner][0]);
  expect(new Set(communityOfClique).size, 'two planted cliques share a community').toBe(cliques.length);
}

/** Cliques of `size` people linked by KNOWS and a shared burner-style phone tie, plus sparse noise between them. */
function plantedCliques(count: number, size: number, noise: number, seed = 3) {
  const builder = new ProjectionBuilder();
  const cliques = Array.from({ length: count }, (_, c) => Array.from({ length: size }, (_, i) => `c${c}-p${i}`));
  for (const clique of cliques) {
    for (const person of clique) builder.person(person);
    builder.clique(clique, 'KNOWS').clique(clique, 'CALLED', 5);
  }
  const random = createSeededRandom(seed);
  for (let i = 0; i < noise; i++) {
    const a = cliques[Math.floor(random() * count)]![Math.floor(random() * size)]!;
    const b = cliques[Math.floor(random() * count)]![Math.floor(random() * size)]!;
    if (a.split('-')[0] !== b.split('-')[0]) builder.link(a, b, 'KNOWS');
  }
  return { builder, cliques };
}

describe('detectCommunities', () => {
  it('puts each planted clique in a community of its own', () => {
    const { builder, cliques } = plantedCliques(12, 6, 15);
    const { communities } = communitiesOf(builder.build());
    expectCliquesKeptApart(communities, cliques);
  });

  it('splits a ring of cliques into the cliques', () => {
    const builder = new ProjectionBuilder();
    const cliques = Array.from({ length: 8 }, (_, c) => Array.from({ length: 6 }, (_, i) => `k${c}-${i}`));
    for (const clique of cliques) {
      for (const person of clique) builder.person(person);
      builder.clique(clique, 'KNOWS');
    }
    cliques.forEach((clique, c) => builder.link(clique[0]!, cliques[(c + 1) % cliques.length]![5]!, 'KNOWS'));
    for (const seed of [1, 2, 3, 9, 25]) {
      const { communities, modularity, graph } = communitiesOf(builder.build(), { resolution: 1, seed });
      expect(communities).toHaveLength(8);
      expectCliquesKeptApart(communities, cliques);
      expect(modularity).toBeCloseTo(weightedModularity(graph, cliques), 9);
    }
  });

  it('does not let a licensed agency with 2,000 recruits merge the unrelated families it recruited from', () => {
    const { builder, cliques } = plantedCliques(20, 5, 0);
    builder.broker('agency', 'LICENSED_AGENCY', 'ACTIVE', 'Licensed Agency');
    for (const clique of cliques) builder.link(clique[0]!, 'agency', 'RECRUITED_BY');
    for (let i = 0; i < 2000 - cliques.length; i++)
      builder.person(`recruit-${i}`).link(`recruit-${i}`, 'agency', 'RECRUITED_BY');
    const { communities } = communitiesOf(builder.build());
    expectCliquesKeptApart(communities, cliques);
  });

  it('does not let an agency under the degree cap, or a checkpoint-like co-crossing hub, merge cliques', () => {
    const { builder, cliques } = plantedCliques(30, 5, 0);
    builder.broker('agency', 'LICENSED_AGENCY', 'ACTIVE').person('guide', { hasCrossings: true });
    for (const clique of cliques) {
      builder.link(clique[1]!, 'agency', 'RECRUITED_BY');
      builder.link(clique[2]!, 'guide', 'CO_CROSSING', 3);
    }
    for (let i = 0; i < 200; i++) {
      builder.person(`traveller-${i}`).link(`traveller-${i}`, 'guide', 'CO_CROSSING');
      builder.link(`traveller-${i}`, 'agency', 'RECRUITED_BY');
    }
    const { communities } = communitiesOf(builder.build());
    expectCliquesKeptApart(communities, cliques);
  });

  it('does not let a big tour group fuse the rings its members belong to', () => {
    const { builder, cliques } = plantedCliques(8, 6, 0);
    const tour = Array.from({ length: 40 }, (_, i) => `tourist-${i}`);
    for (const tourist of tour.slice(cliques.length)) builder.person(tourist);
    // One member of each ring travels with the group.
    const group = [...cliques.map((clique) => clique[0]!), ...tour.slice(cliques.length)];
    builder.clique(group, 'CO_CROSSING', 2);
    const { communities } = communitiesOf(builder.build());
    const lookup = communityLookup(communities);
    for (let a = 0; a < cliques.length; a++) {
      for (let b = a + 1; b < cliques.length; b++) {
        expect(lookup.get(cliques[a]![3]!)).not.toBe(lookup.get(cliques[b]![3]!));
      }
    }
  });

  it('reports the modularity of its partition, as computed independently and as graphology reports it', () => {
    const { builder } = plantedCliques(10, 5, 20);
    for (const resolution of [0.5, 1, 2]) {
      const result = communitiesOf(builder.build(), { resolution, seed: 1 });
      expect(result.modularity).toBeCloseTo(weightedModularity(result.graph, result.communities, resolution), 9);
      // Where refinement leaves Louvain's partition alone, graphology's own figure agrees.
      expect(result.louvainModularity).toBeCloseTo(result.modularity, 9);
      if (resolution === 1) expect(result.modularity).toBeGreaterThan(0.7);
    }
  });

  it('gives the same partition for the same graph and seed', () => {
    const { builder } = plantedCliques(15, 5, 60);
    const projection = builder.build();
    const first = communitiesOf(projection, { resolution: 1, seed: 11 });
    const second = communitiesOf(projection, { resolution: 1, seed: 11 });
    expect(second.communities).toEqual(first.communities);
    expect(second.modularity).toBe(first.modularity);
  });

  it('treats an edgeless graph as singletons with modularity 0', () => {
    const projection = new ProjectionBuilder().person('a').person('b').build();
    const { graph } = buildEvidenceGraph(projection, defaultDetectionOptions);
    expect(detectCommunities(graph, seedOptions)).toMatchObject({ communities: [], modularity: 0 });
  });

  it('times the Louvain stage alone', () => {
    const { builder } = plantedCliques(20, 5, 20);
    const { graph } = buildEvidenceGraph(builder.build(), defaultDetectionOptions);
    const timing = timeLouvain(graph);
    expect(timing.edges).toBe(graph.size);
    expect(timing.edgesPerSecond).toBeGreaterThan(0);
    expect(timing.communityCount).toBeGreaterThanOrEqual(20);
  });
});
