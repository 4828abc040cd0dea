import type { Transaction } from '../db/database.ts';
import type { EntityKind } from '../entities/entity-records.ts';
import {
  ALL_CHART_TYPES,
  SUPERNODE_DEGREE,
  UnknownEntitiesError,
  type ChartLinkType,
  type LinkChartRequest,
} from './chart-types.ts';
import type { CollapsedGroup } from './collapse-supernodes.ts';
import { collapsedNodeId } from './collapse-supernodes.ts';
import { toChartContents, type ChartContents, type ChartContentsRow } from './read-chart-nodes.ts';
import type { TimeWindow } from './validate-request.ts';

/** What the breadth-first expansion found: entity ids in the order they joined, and hub groups. */
export interface Neighbourhood {
  /** Entity ids, seeds first, then level by level. */
  entityIds: string[];
  collapsed: CollapsedGroup[];
  truncated: boolean;
  /** The link types the chart follows, MADE and AT included when no filter is set. */
  types: ChartLinkType[];
  /** Read with the last level when everything it added fitted the budget; otherwise null. */
  contents: ChartContents | null;
}

interface LevelRow extends Record<string, unknown> {
  id: string;
  labels: string[];
  degrees: Record<ChartLinkType, number>;
  /** Over the requested types on which the node is no hub, in the time window, at most perNode. */
  neighbours: string[];
}

const KIND_BY_LABEL: Record<string, EntityKind> = {
  Person: 'PERSON',
  Phone: 'PHONE',
  Broker: 'BROKER',
  BorderCrossing: 'BORDER_CROSSING',
  Case: 'CASE',
  Checkpoint: 'CHECKPOINT',
};

/** A frontier node's part of one level: its neighbours and its hub types to collapse. */
interface NodeLevel {
  kind: EntityKind;
  neighbours: Set<string>;
  hubs: { type: ChartLinkType; degree: number }[];
  /** A neighbour query stopped at perNode: some neighbours were left out. */
  cut: boolean;
}

/** What one expand-level round sends besides the nodes to expand. */
interface LevelParams extends TimeWindow {
  types: readonly ChartLinkType[];
  supernodeDegree: number;
  perNode: number;
}

/** The chart so far, when the round expands its last level: the round then reads the contents if the rest fits. */
interface LastLevel {
  chartIds: readonly string[];
  room: number;
}

/**
 * Breadth-first expansion from the seeds, one query per level (expand-level.cypher): the
 * degrees come from the degree store, so hubs cost nothing to recognise, and the neighbours
 * over the non-hub types are walked in the same query with a per-node LIMIT. A hub's
 * neighbours of a hub type are not fetched at all; they become one collapsed group. Inside a
 * time window a hub may have few links left: those are counted (filtered-degrees.cypher)
 * and walked when they fall under the hub threshold. The node budget (maxNodes) counts the
 * collapsed nodes too and is never exceeded; whatever it leaves out sets truncated. Without a
 * time window, the last level's query also reads the chart's contents when all it adds fits
 * the budget, which is the usual case: a chart then takes one query per level and no more.
 */
export async function expandNeighbourhood(
  tx: Transaction,
  request: LinkChartRequest,
  window: TimeWindow,
): Promise<Neighbourhood> {
  const types: ChartLinkType[] = request.linkTypes ? [...new Set(request.linkTypes)] : [...ALL_CHART_TYPES];
  types.sort((a, b) => ALL_CHART_TYPES.indexOf(a) - ALL_CHART_TYPES.indexOf(b));
  const seeds = [...new Set(request.seeds)];
  const windowed = isWindowed(window);
  const perNode = SUPERNODE_DEGREE * types.length;
  const params: LevelParams = { types, supernodeDegree: SUPERNODE_DEGREE, perNode, ...window };

  const inChart = new Set<string>();
  const entityIds: string[] = [];
  const collapsed: CollapsedGroup[] = [];
  let truncated = false;
  const room = () => inChart.size + collapsed.length < request.maxNodes;
  const add = (id: string): boolean => {
    if (inChart.has(id)) return false;
    if (!room()) {
      truncated = true;
      return false;
    }
    inChart.add(id);
    entityIds.push(id);
    return true;
  };
  // The chart as it stands before the level, when the level is the last one. Inside a window
  // hubs are settled after the level's query, which therefore cannot know where the chart ends.
  const lastLevel = (level: number, chartIds: readonly string[]): LastLevel | null =>
    level === request.depth && !windowed && chartIds.length <= request.maxNodes
      ? { chartIds, room: request.maxNodes - chartIds.length - collapsed.length }
      : null;

  let { rows, contents } = await walk(tx, seeds, params, null, lastLevel(1, seeds));
  const unknown = seeds.filter((id) => !rows.has(id));
  if (unknown.length) throw new UnknownEntitiesError(unknown);

  let frontier = seeds.filter((id) => add(id));
  for (let level = 1; level <= request.depth && frontier.length; level++) {
    if (level > 1) ({ rows, contents } = await walk(tx, frontier, params, null, lastLevel(level, entityIds)));

    // Hubs by their total degree; inside a time window, by the links in it.
    const plan = new Map<string, NodeLevel>();
    const candidates: { id: string; type: ChartLinkType }[] = [];
    for (const id of frontier) {
      const row = rows.get(id);
      const kind = row?.labels.map((label) => KIND_BY_LABEL[label]).find((k) => k !== undefined) ?? 'PERSON';
      const entry: NodeLevel = { kind, neighbours: new Set(row?.neighbours), hubs: [], cut: false };
      entry.cut = entry.neighbours.size >= perNode;
      plan.set(id, entry);
      for (const type of types) {
        const degree = row?.degrees[type] ?? 0;
        if (degree <= SUPERNODE_DEGREE) continue;
        if (windowed) candidates.push({ id, type });
        else entry.hubs.push({ type, degree });
      }
    }
    if (candidates.length) await settleWindowedHubs(tx, candidates, plan, params);

    const next: string[] = [];
    for (const id of frontier) {
      const entry = plan.get(id)!;
      for (const hub of entry.hubs.sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type))) {
        if (!room()) {
          truncated = true;
          continue;
        }
        if (collapsed.some((g) => collapsedNodeId(g.supernode, g.type) === collapsedNodeId(id, hub.type))) continue;
        collapsed.push({ supernode: id, supernodeKind: entry.kind, type: hub.type, degree: hub.degree });
      }
      if (entry.cut) truncated = true;
      for (const neighbour of [...entry.neighbours].sort()) if (add(neighbour)) next.push(neighbour);
    }
    frontier = next;
  }
  return { entityIds, collapsed, truncated, types, contents };
}

/**
 * Inside a time window, a node that is a hub over all time may have few links in the window:
 * counts them, walks those under the hub threshold, and leaves the rest as hubs.
 */
async function settleWindowedHubs(
  tx: Transaction,
  candidates: readonly { id: string; type: ChartLinkType }[],
  plan: Map<string, NodeLevel>,
  params: LevelParams,
): Promise<void> {
  const degrees = await tx.run<{ id: string; type: ChartLinkType; degree: number }>('linkchart/filtered-degrees', {
    rows: candidates,
    ...params,
  });
  const follow = new Map<string, ChartLinkType[]>();
  for (const row of degrees) {
    const entry = plan.get(row.id);
    if (!entry || row.degree === 0) continue;
    if (row.degree > SUPERNODE_DEGREE) entry.hubs.push({ type: row.type, degree: row.degree });
    else follow.set(row.id, [...(follow.get(row.id) ?? []), row.type]);
  }
  if (!follow.size) return;
  // Walked as if no hub: the window has thinned them below the threshold.
  const { rows: walked } = await walk(
    tx,
    [...follow.keys()],
    { ...params, supernodeDegree: Number.MAX_SAFE_INTEGER },
    Object.fromEntries(follow),
    null,
  );
  for (const [id, row] of walked) {
    const entry = plan.get(id)!;
    for (const neighbour of row.neighbours) entry.neighbours.add(neighbour);
    if (row.neighbours.length >= params.perNode) entry.cut = true;
  }
}

/**
 * One expand-level round: each node's degrees, and its neighbours over `params.types` (or the
 * types `typesById` gives for it); on a chart's last level, the contents when the rest fits.
 */
async function walk(
  tx: Transaction,
  ids: readonly string[],
  params: LevelParams,
  typesById: Record<string, readonly ChartLinkType[]> | null,
  last: LastLevel | null,
): Promise<{ rows: Map<string, LevelRow>; contents: ChartContents | null }> {
  const [result] = await tx.run<{ rows: LevelRow[]; contents: ChartContentsRow[] | null }>('linkchart/expand-level', {
    ids,
    typesById,
    ...params,
    windowed: isWindowed(params),
    lastLevel: last !== null,
    chartIds: last?.chartIds ?? [],
    room: last?.room ?? 0,
  });
  return {
    rows: new Map(result!.rows.map((row) => [row.id, row])),
    contents: result!.contents ? toChartContents(result!.contents) : null,
  };
}

/** The chart's contents when the expansion did not read them: expand-level with nothing to expand. */
export async function readChartContents(
  tx: Transaction,
  ids: readonly string[],
  params: { types: readonly ChartLinkType[] } & TimeWindow,
): Promise<ChartContents> {
  if (!ids.length) return { entities: new Map(), links: [] };
  const level: LevelParams = { ...params, supernodeDegree: SUPERNODE_DEGREE, perNode: 0 };
  const { contents } = await walk(tx, [], level, null, { chartIds: ids, room: 0 });
  return contents!;
}

function isWindowed(window: TimeWindow): boolean {
  return window.fromMillis !== null || window.toMillis !== null;
}
