import louvainModule from 'graphology-communities-louvain';
import { compareIds } from './evidence-graph.ts';
import type { EvidenceGraph } from './evidence-graph.ts';
import { createSeededRandom } from './seeded-random.ts';

type Louvain = typeof louvainModule.default;
// The package is CommonJS with an ES-style .d.ts: at run time the default import is the louvain function
// itself, while TypeScript under NodeNext sees the module object holding `default`. Accept either.
const louvain: Louvain =
  (louvainModule as unknown as { default?: Louvain }).default ?? (louvainModule as unknown as Louvain);

export interface LouvainRunOptions {
  resolution: number;
  seed: number;
}

export interface LouvainRun {
  /** Member keys of each community, each sorted; communities sorted by first member. */
  communities: string[][];
  /** What graphology reports; may disagree with `communities` (see partition-modularity.ts). */
  reportedModularity: number;
  deltaComputations: number;
  nodesVisited: number;
}

/** One seeded run of graphology's Louvain, its output put in canonical order. Needs at least one edge. */
export function runLouvain(graph: EvidenceGraph, options: LouvainRunOptions): LouvainRun {
  const detailed = louvain.detailed(graph, {
    getEdgeWeight: 'weight',
    resolution: options.resolution,
    rng: createSeededRandom(options.seed),
    fastLocalMoves: true,
    randomWalk: true,
  });
  const members: string[][] = Array.from({ length: detailed.count }, () => []);
  graph.forEachNode((node) => {
    members[detailed.communities[node]!]!.push(node);
  });
  const communities = members.filter((list) => list.length > 0);
  for (const list of communities) list.sort(compareIds);
  communities.sort((a, b) => compareIds(a[0]!, b[0]!));
  return {
    communities,
    reportedModularity: detailed.modularity,
    deltaComputations: detailed.deltaComputations,
    nodesVisited: detailed.nodesVisited,
  };
}
