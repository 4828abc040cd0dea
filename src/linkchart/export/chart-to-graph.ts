import { MultiDirectedGraph } from 'graphology';
import type { LinkChart } from '../chart-types.ts';

/** A chart as a graphology graph (directed, parallel links kept), for the writers that take one. */
export function chartToGraph(chart: LinkChart): MultiDirectedGraph {
  const graph = new MultiDirectedGraph({ allowSelfLoops: false });
  for (const node of chart.nodes) {
    graph.addNode(node.id, {
      label: node.label,
      kind: node.kind,
      ringId: node.ringId ?? '',
      collapsedCount: node.collapsedCount ?? 0,
      x: node.x ?? 0,
      y: node.y ?? 0,
    });
  }
  for (const edge of chart.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, { type: edge.type, weight: edge.weight });
  }
  return graph;
}
