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
import type { TimeWindow } from './validate-request.ts';

/** What the breadth-first expansion found: entity ids in the order they joined, and hub groups. */
export interface Neighbourhood {
  /** Entity ids, seeds first, then level by level. */
  entityIds: string[];
  collapsed: CollapsedGroup[];
  truncated: boolean;
  /** The link types the chart follows, MADE and AT included when no filter is set. */
  types: ChartLinkType[];
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

/**
 * Breadth-first expansion from the seeds, one query per level (expand-level.cypher): the
 * degrees come from the degree store, so hubs cost nothing to recognise, and the neighbours
 * over the non-hub types are walked in the same query with a per-node LIMIT. A hub's
 * neighbours of a hub type are not fetched at all; they become one collapsed group. Inside a
 * time window a hub may have few links left: those are counted (filtered-degrees.cypher)
 * and walked when they fall under the hub threshold. The node budget (maxNodes) counts the
 * collapsed nodes too and is never exceeded; whatever it leaves out sets truncated.
 */
export async function expandNeighbourhood(
  tx: Transaction,
  request: LinkChartRequest,
  window: TimeWindow,
): Promise<Neighbourhood> {
  const types: ChartLinkType[] = request.linkTypes ? [...new Set(request.linkTypes)] : [...ALL_CHART_TYPES];
  types.sort((a, b) => ALL_CHART_TYPES.indexOf(a) - ALL_CHART_TYPES.indexOf(b));
  const seeds = [...new Set(request.seeds)];
  const windowed = window.fromMillis !== null || window.toMillis !== null;
  const perNode = SUPERNODE_DEGREE * types.length;
  const expandLevel = (ids: readonly string[]) =>
    walk(
      tx,
      ids.map((id) => ({ id, types })),
      { supernodeDegree: SUPERNODE_DEGREE, perNode, ...window },
    );

  let rows = await expandLevel(seeds);
  const unknown = seeds.filter((id) => !rows.has(id));
  if (unknown.length) throw new UnknownEntitiesError(unknown);

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

  let frontier = seeds.filter((id) => add(id));
  for (let level = 1; level <= request.depth && frontier.length; level++) {
    if (level > 1) rows = await expandLevel(frontier);

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
    if (candidates.length) await settleWindowedHubs(tx, candidates, plan, { perNode, ...window });

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
  return { entityIds, collapsed, truncated, types };
}

/**
 * Inside a time window, a node that is a hub over all time may have few links in the window:
 * counts them, walks those under the hub threshold, and leaves the rest as hubs.
 */
async function settleWindowedHubs(
  tx: Transaction,
  candidates: readonly { id: string; type: ChartLinkType }[],
  plan: Map<string, NodeLevel>,
  params: { perNode: number } & TimeWindow,
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
  const walked = await walk(
    tx,
    [...follow].map(([id, types]) => ({ id, types })),
    { ...params, supernodeDegree: Number.MAX_SAFE_INTEGER },
  );
  for (const [id, row] of walked) {
    const entry = plan.get(id)!;
    for (const neighbour of row.neighbours) entry.neighbours.add(neighbour);
    if (row.neighbours.length >= params.perNode) entry.cut = true;
  }
}

/** One expand-level round: each node's degrees, and its neighbours over the types given for it. */
async function walk(
  tx: Transaction,
  rows: readonly { id: string; types: readonly ChartLinkType[] }[],
  params: { supernodeDegree: number; perNode: number } & TimeWindow,
): Promise<Map<string, LevelRow>> {
  const found = await tx.run<LevelRow>('linkchart/expand-level', { rows, ...params });
  return new Map(found.map((row) => [row.id, row]));
}
