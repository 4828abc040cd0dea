import { compareIds } from './evidence-graph.ts';
import type { EvidenceGraph } from './evidence-graph.ts';
import { partitionModularity } from './partition-modularity.ts';
import { refineCommunities } from './refine-communities.ts';
import { runLouvain } from './run-louvain.ts';

export interface CommunityDetectionOptions {
  resolution: number;
  seed: number;
}

export interface DetectedCommunities {
  /** Member node keys (entity ids) of each community, each sorted; communities sorted by first member. */
  communities: string[][];
  /** Modularity of `communities` at the resolution (0 for a graph without edges). */
  modularity: number;
  /** Modularity graphology reported for its own (unrefined) partition, for comparison. */
  louvainModularity: number;
  /** Louvain's inner work, for benchmarks and diagnostics. */
  deltaComputations: number;
  nodesVisited: number;
}

/**
 * Louvain over the evidence graph with a seeded RNG, then a refinement pass, so the same graph and seed give
 * the same partition. Output is in canonical order: callers never depend on graphology's numbering.
 */
export function detectCommunities(graph: EvidenceGraph, options: CommunityDetectionOptions): DetectedCommunities {
  if (graph.size === 0) {
    // graphology reports NaN modularity for an edgeless graph; every node is its own community.
    const communities = graph.nodes().map((node) => [node]);
    communities.sort((a, b) => compareIds(a[0]!, b[0]!));
    return { communities, modularity: 0, louvainModularity: 0, deltaComputations: 0, nodesVisited: 0 };
  }
  const run = runLouvain(graph, options);
  const communities = refineCommunities(graph, run.communities, options);
  return {
    communities,
    modularity: partitionModularity(graph, communities, options.resolution),
    louvainModularity: run.reportedModularity,
    deltaComputations: run.deltaComputations,
    nodesVisited: run.nodesVisited,
  };
}
