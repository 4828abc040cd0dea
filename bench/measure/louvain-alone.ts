import graphology from 'graphology';
import { createSeededRandom, timeLouvain, type EvidenceGraph, type LouvainTiming } from '../../src/rings/core/index.ts';

const { UndirectedGraph } = graphology;

/**
 * Louvain alone on a graph of the size graphology's README times (50k nodes, about 1M
 * edges): planted communities of 100 nodes with most edges inside, so the comparison with
 * the published 1.06 M edges/s is on the same kind of input.
 */
export function measureLouvainAlone(nodes = 50_000, edges = 994_000): LouvainTiming {
  const random = createSeededRandom(2024);
  const graph: EvidenceGraph = new UndirectedGraph();
  for (let i = 0; i < nodes; i += 1) graph.addNode(String(i), { index: i });
  const communitySize = 100;
  while (graph.size < edges) {
    const a = Math.floor(random() * nodes);
    const inside = random() < 0.8;
    const b = inside
      ? Math.floor(a / communitySize) * communitySize + Math.floor(random() * communitySize)
      : Math.floor(random() * nodes);
    if (a === b || graph.hasEdge(String(a), String(b))) continue;
    graph.addEdge(String(a), String(b), { weight: 1 });
  }
  return timeLouvain(graph, { resolution: 1, seed: 42 });
}
