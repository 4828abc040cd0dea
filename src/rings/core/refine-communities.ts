import { UndirectedGraph } from 'graphology';
import { compareIds } from './evidence-graph.ts';
import type { EvidenceEdgeAttributes, EvidenceGraph, EvidenceNodeAttributes } from './evidence-graph.ts';
import { communityWeights, modularityTerm } from './partition-modularity.ts';
import type { CommunityWeights } from './partition-modularity.ts';
import { runLouvain } from './run-louvain.ts';
import type { LouvainRunOptions } from './run-louvain.ts';

/** Communities smaller than this are not worth re-splitting. */
const minSizeToRefine = 4;

/**
 * Nor are communities larger than this: a city-scale community (modularity's resolution limit) is left
 * whole, its rings come apart as evidence cores (split-into-evidence-cores.ts), and re-running Louvain on
 * each such community took twice as long as the first run over the whole city, for no change there.
 */
const maxSizeToRefine = 2_000;

/**
 * Louvain's greedy moves can leave two groups merged although splitting them raises modularity (on a ring
 * of cliques, two neighbouring cliques often end up together). Each community is re-run through Louvain on
 * its own subgraph and replaced by the parts when that raises the modularity of the whole partition.
 */
export function refineCommunities(
  graph: EvidenceGraph,
  communities: readonly string[][],
  options: LouvainRunOptions,
): string[][] {
  if (graph.size === 0) return communities.map((members) => [...members]);
  const communityOf = new Map<string, number>();
  communities.forEach((members, c) => members.forEach((member) => communityOf.set(member, c)));
  const { weights, total } = communityWeights(graph, communityOf, communities.length);

  const refined: string[][] = [];
  communities.forEach((members, c) => {
    const parts =
      members.length >= minSizeToRefine && members.length <= maxSizeToRefine
        ? splitCommunity(graph, members, c, communityOf, options)
        : null;
    if (parts === null) {
      refined.push([...members]);
      return;
    }
    const before = modularityTerm(weights[c]!, total, options.resolution);
    const after = partWeights(graph, parts).reduce(
      (sum, part) => sum + modularityTerm(part, total, options.resolution),
      0,
    );
    // A tolerance, so float noise never splits a community and the result stays reproducible.
    if (after > before + 1e-12) refined.push(...parts);
    else refined.push([...members]);
  });
  refined.sort((a, b) => compareIds(a[0]!, b[0]!));
  return refined;
}

function splitCommunity(
  graph: EvidenceGraph,
  members: readonly string[],
  community: number,
  communityOf: ReadonlyMap<string, number>,
  options: LouvainRunOptions,
): string[][] | null {
  const subgraph: EvidenceGraph = new UndirectedGraph<EvidenceNodeAttributes, EvidenceEdgeAttributes>();
  for (const member of members) subgraph.addNode(member, graph.getNodeAttributes(member));
  for (const member of members) {
    graph.forEachEdge(member, (_edge, attributes, source, target) => {
      // Each edge is seen from both ends; add it from its source only.
      if (source === member && communityOf.get(target) === community) subgraph.addEdge(source, target, attributes);
    });
  }
  if (subgraph.size === 0) return null;
  // A per-community seed keeps runs independent of how many communities came before.
  const parts = runLouvain(subgraph, {
    resolution: options.resolution,
    seed: (options.seed + community) | 0,
  }).communities;
  return parts.length > 1 ? parts : null;
}

/** Internal weight and whole-graph strength of each part. */
function partWeights(graph: EvidenceGraph, parts: readonly string[][]): CommunityWeights[] {
  const partOf = new Map<string, number>();
  parts.forEach((part, p) => part.forEach((member) => partOf.set(member, p)));
  return parts.map((part, p) => {
    const weights = { internal: 0, strength: 0 };
    for (const member of part) {
      graph.forEachEdge(member, (_edge, { weight }, source, target) => {
        weights.strength += weight;
        const other = source === member ? target : source;
        // Internal edges are seen from both ends: count half each time.
        if (partOf.get(other) === p) weights.internal += weight / 2;
      });
    }
    return weights;
  });
}
