import type { EvidenceGraph } from './evidence-graph.ts';

/** Total weight inside and total strength of one community, the two sums modularity needs. */
export interface CommunityWeights {
  internal: number;
  strength: number;
}

/** Weight sums of each community, given a community number per node key. */
export function communityWeights(graph: EvidenceGraph, communityOf: ReadonlyMap<string, number>, count: number) {
  const weights: CommunityWeights[] = Array.from({ length: count }, () => ({ internal: 0, strength: 0 }));
  let total = 0;
  graph.forEachEdge((_edge, { weight }, source, target) => {
    total += weight;
    const a = weights[communityOf.get(source)!]!;
    const b = weights[communityOf.get(target)!]!;
    a.strength += weight;
    b.strength += weight;
    if (a === b) a.internal += weight;
  });
  return { weights, total };
}

/** One community's term of Q = Σ_c [ w_in(c) / m − γ (d(c) / 2m)² ]. */
export function modularityTerm(community: CommunityWeights, total: number, resolution: number): number {
  return community.internal / total - resolution * (community.strength / (2 * total)) ** 2;
}

/**
 * Modularity of a partition at a resolution. Computed here rather than taken from graphology because the
 * value louvain.detailed reports can disagree with the partition it returns (seen on a ring of cliques).
 */
export function partitionModularity(
  graph: EvidenceGraph,
  communities: readonly string[][],
  resolution: number,
): number {
  if (graph.size === 0) return 0;
  const communityOf = new Map<string, number>();
  communities.forEach((members, c) => members.forEach((member) => communityOf.set(member, c)));
  const { weights, total } = communityWeights(graph, communityOf, communities.length);
  return weights.reduce((sum, community) => sum + modularityTerm(community, total, resolution), 0);
}
