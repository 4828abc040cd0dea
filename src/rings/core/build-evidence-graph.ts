import { UndirectedGraph } from 'graphology';
import { brokerStanding } from './broker-standing.ts';
import { projectionEdgeColumns, validateProjection } from './evidence-columns.ts';
import { compareIds } from './evidence-graph.ts';
import type { EvidenceEdgeAttributes, EvidenceGraph, EvidenceNodeAttributes } from './evidence-graph.ts';
import { evidenceKinds } from './types.ts';
import type { EvidenceColumns, EvidenceWeights, GraphStats, HubDampingOptions, RingProjection } from './types.ts';

export interface BuiltEvidenceGraph {
  graph: EvidenceGraph;
  stats: GraphStats;
  /**
   * The graph's total edge weight over the whole city's (1 without `within`). Louvain on a part of the city
   * at resolution × this share makes the moves it would make there on the whole city: a modularity gain
   * is e/m − γ·dA·dB/2m², and scaling γ with m keeps the two terms in the city's proportion.
   */
  shareOfCityWeight: number;
}

export interface EvidenceGraphOptions {
  weights: EvidenceWeights;
  hubDamping: HubDampingOptions;
}

/**
 * Weights are summed as integers in units of 2^-20: integer addition is exact, so the summed weight of
 * a pair does not depend on the order of its rows, and neither does Louvain's result.
 */
const weightQuantum = 2 ** 20;
const recruitedBy = evidenceKinds.indexOf('RECRUITED_BY');
const operates = evidenceKinds.indexOf('OPERATES');

/** Multiplier for the count of a row: diminishing returns, capped. */
export function countFactor(count: number, maxCountFactor: number): number {
  return Math.min(maxCountFactor, 1 + Math.log2(Math.max(1, count)));
}

/** Multiplier for the busier endpoint's degree in the row's kind: 1 up to freeDegree, then decaying. */
export function hubFactor(degree: number, hubDamping: HubDampingOptions): number {
  if (degree <= hubDamping.freeDegree) return 1;
  return (hubDamping.freeDegree / degree) ** hubDamping.exponent;
}

/**
 * Projection rows → one weighted undirected graph for Louvain.
 *
 * Nodes are added in entityId order and edges in (entityId, entityId) order, so the graph, and therefore
 * Louvain's visiting order under a seed, is the same whatever order Neo4j streamed the rows in. Nodes
 * left with no tie are not added (a singleton can never be a ring) but are counted in the stats.
 *
 * With `within` (a flag per node, see nodesNearRingEvidence) only those nodes and the rows between them
 * enter the graph. Hub damping still counts every row of the city: a checkpoint is as busy as it is,
 * whatever part of the city is looked at.
 */
export function buildEvidenceGraph(
  projection: RingProjection,
  options: EvidenceGraphOptions,
  columns: EvidenceColumns = projectionEdgeColumns(projection),
  within?: Uint8Array,
): BuiltEvidenceGraph {
  validateProjection(projection, columns);
  const { nodes } = projection;
  const nodeCount = nodes.length;
  const kindCount = evidenceKinds.length;
  const rowCount = columns.source.length;

  const order: number[] = [];
  for (let index = 0; index < nodeCount; index++) if (within === undefined || within[index] === 1) order.push(index);
  order.sort((a, b) => compareIds(nodes[a]?.entityId ?? '', nodes[b]?.entityId ?? ''));
  const ranked = order.length;
  const rank = new Int32Array(nodeCount).fill(-1);
  order.forEach((node, position) => (rank[node] = position));

  const degree = new Int32Array(nodeCount * kindCount);
  let selfLoopRowsIgnored = 0;
  for (let row = 0; row < rowCount; row++) {
    const source = columns.source[row]!;
    const target = columns.target[row]!;
    const kind = columns.kind[row]!;
    if (source === target) {
      selfLoopRowsIgnored++;
      continue;
    }
    degree[source * kindCount + kind]!++;
    degree[target * kindCount + kind]!++;
  }

  const brokerMultiplier = new Float64Array(nodeCount).fill(1);
  nodes.forEach((node, index) => {
    if (node.kind !== 'BROKER') return;
    const standing = brokerStanding(node.broker);
    brokerMultiplier[index] =
      standing === 'illicit'
        ? options.weights.illicitBroker
        : standing === 'licensed-agency'
          ? options.weights.licensedActiveBroker
          : options.weights.otherBroker;
  });

  const baseWeight = evidenceKinds.map((kind) => options.weights.base[kind]);
  // Each row's pair as one number, lower rank * ranked + higher rank (exact: below 2^53 for any city),
  // with its quantised weight. Typed arrays rather than a Map of millions of pairs: a bench-sized city has
  // five million rows.
  const rowPair = new Float64Array(rowCount);
  const rowWeight = new Float64Array(rowCount);
  let kept = 0;
  let rowsDroppedAtHubs = 0;
  let cityWeight = 0;
  let graphWeight = 0;
  for (let row = 0; row < rowCount; row++) {
    const source = columns.source[row]!;
    const target = columns.target[row]!;
    if (source === target) continue;
    const kind = columns.kind[row]!;
    const hubDegree = Math.max(degree[source * kindCount + kind]!, degree[target * kindCount + kind]!);
    if (hubDegree > options.hubDamping.degreeCap) {
      rowsDroppedAtHubs++;
      continue;
    }
    let weight =
      baseWeight[kind]! *
      countFactor(columns.count[row]!, options.weights.maxCountFactor) *
      hubFactor(hubDegree, options.hubDamping);
    if (kind === recruitedBy || kind === operates) weight *= brokerMultiplier[source]! * brokerMultiplier[target]!;
    const quantised = Math.round(weight * weightQuantum);
    if (quantised <= 0) continue;
    cityWeight += quantised;
    if (rank[source] === -1 || rank[target] === -1) continue;
    graphWeight += quantised;
    const a = rank[source]!;
    const b = rank[target]!;
    rowPair[kept] = a < b ? a * ranked + b : b * ranked + a;
    rowWeight[kept] = quantised;
    kept++;
  }

  // The distinct pairs in (entityId, entityId) order, and each one's summed weight.
  const sorted = rowPair.slice(0, kept).sort();
  let distinct = 0;
  for (let i = 0; i < kept; i++) {
    if (distinct === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  }
  const keys = sorted.subarray(0, distinct);
  const pairWeight = new Float64Array(distinct);
  for (let i = 0; i < kept; i++) pairWeight[indexOfSorted(keys, rowPair[i]!)]! += rowWeight[i]!;

  const linked = new Uint8Array(ranked);
  for (const key of keys) {
    const low = Math.floor(key / ranked);
    linked[low] = 1;
    linked[key - low * ranked] = 1;
  }

  const graph: EvidenceGraph = new UndirectedGraph<EvidenceNodeAttributes, EvidenceEdgeAttributes>();
  let isolatedNodes = 0;
  for (let position = 0; position < ranked; position++) {
    const index = order[position]!;
    if (linked[position] === 1) graph.addNode(nodes[index]!.entityId, { index });
    else isolatedNodes++;
  }
  keys.forEach((key, i) => {
    const low = Math.floor(key / ranked);
    const high = key - low * ranked;
    graph.addEdge(nodes[order[low]!]!.entityId, nodes[order[high]!]!.entityId, {
      weight: pairWeight[i]! / weightQuantum,
    });
  });

  return {
    graph,
    stats: {
      projectionNodes: nodeCount,
      projectionRows: rowCount,
      graphNodes: graph.order,
      graphEdges: graph.size,
      isolatedNodes,
      outsideReach: nodeCount - ranked,
      rowsDroppedAtHubs,
      selfLoopRowsIgnored,
    },
    shareOfCityWeight: cityWeight === 0 ? 1 : graphWeight / cityWeight,
  };
}

/** Position of `value` in the ascending `sorted`, which holds it. */
function indexOfSorted(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
