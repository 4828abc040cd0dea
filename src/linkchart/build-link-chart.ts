import type { Database } from '../db/database.ts';
import {
  edgeId,
  edgeWeight,
  type ChartEdge,
  type ChartNode,
  type LinkChart,
  type LinkChartRequest,
} from './chart-types.ts';
import { collapsedLabel, collapsedNodeId, leftOutCount, neighbourKind } from './collapse-supernodes.ts';
import { expandNeighbourhood, readChartContents } from './expand-neighbourhood.ts';
import { layoutChart, type LayoutInput } from './layout-chart.ts';
import { radialLayout } from './radial-layout.ts';
import { checkChartRequest } from './validate-request.ts';

/**
 * A link chart: the neighbourhood of the seeds (expand-neighbourhood.ts), every link of
 * the allowed types in the time window between the nodes it holds, one synthetic node per
 * hub and link type for the neighbours left out, and deterministic coordinates.
 */
export interface BuildOptions {
  /** Where ForceAtlas2 runs; in place unless given (the service gives its layout threads). */
  forceAtlas2?: (chart: LayoutInput) => Promise<Map<string, { x: number; y: number }>>;
  /** Called with the chart's node count once it is known, before the layout: the work budget's second look. */
  beforeLayout?: (nodes: number) => void;
}

export async function buildLinkChart(
  db: Database,
  request: LinkChartRequest,
  options: BuildOptions = {},
): Promise<LinkChart> {
  const window = checkChartRequest(request);
  // One read transaction for every round: a consistent snapshot, and no session set-up per query.
  const { found, links, entities } = await db.readTransaction(
    async (tx) => {
      const found = await expandNeighbourhood(tx, request, window);
      return {
        found,
        ...(found.contents ?? (await readChartContents(tx, found.entityIds, { types: found.types, ...window }))),
      };
    },
    { timeoutMs: 30_000, metadata: { query: 'linkchart/build', seeds: request.seeds.length, depth: request.depth } },
  );

  const edges: ChartEdge[] = links.map((row) => ({
    id: edgeId(row.source, row.type, row.target),
    source: row.source,
    target: row.target,
    type: row.type,
    weight: edgeWeight(row.type, row.count),
  }));
  const nodes: ChartNode[] = found.entityIds.flatMap((id) => {
    const entity = entities.get(id);
    return entity ? [{ ...entity, x: null, y: null, collapsedCount: null }] : [];
  });

  let truncated = found.truncated;
  for (const group of found.collapsed) {
    const count = leftOutCount(group, edges);
    if (count === 0) continue;
    truncated = true;
    const id = collapsedNodeId(group.supernode, group.type);
    nodes.push({
      id,
      kind: neighbourKind(group.supernodeKind, group.type),
      label: collapsedLabel(group, count),
      ringId: null,
      x: null,
      y: null,
      collapsedCount: count,
    });
    edges.push({
      id: edgeId(group.supernode, group.type, id),
      source: group.supernode,
      target: id,
      type: group.type,
      weight: 1,
    });
  }

  options.beforeLayout?.(nodes.length);
  const positions =
    request.layout === 'FORCE_ATLAS2'
      ? await (options.forceAtlas2 ?? (async (chart: LayoutInput) => layoutChart(chart)))({ nodes, edges })
      : radialLayout({ nodes, edges }, request.seeds);
  for (const node of nodes) {
    const position = positions.get(node.id);
    node.x = position?.x ?? 0;
    node.y = position?.y ?? 0;
  }
  edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, edges, truncated };
}
