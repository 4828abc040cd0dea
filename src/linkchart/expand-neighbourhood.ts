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

interface DegreeRow extends Record<string, unknown> {
  id: string;
  labels: string[];
  degrees: Record<ChartLinkType, number>;
}

const KIND_BY_LABEL: Record<string, EntityKind> = {
  Person: 'PERSON',
  Phone: 'PHONE',
  Broker: 'BROKER',
  BorderCrossing: 'BORDER_CROSSING',
  Case: 'CASE',
  Checkpoint: 'CHECKPOINT',
};

interface NodeDegrees {
  kind: EntityKind;
  degrees: Record<ChartLinkType, number>;
}

/**
 * Breadth-first expansion from the seeds, one query round per level: degrees first (from
 * the degree store, so hubs cost nothing to recognise), then the neighbours over the
 * non-hub types with a per-node LIMIT in Cypher. A hub's neighbours of a hub type are not
 * fetched at all; they become one collapsed group. The node budget (maxNodes) counts the
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
  const params = { ...window };

  let degrees = await readDegrees(tx, seeds);
  const unknown = seeds.filter((id) => !degrees.has(id));
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
    if (level > 1) degrees = await readDegrees(tx, frontier);

    // Hub candidates by their total degree; inside a time window, by the links in it.
    const plan = new Map<string, { follow: ChartLinkType[]; hubs: { type: ChartLinkType; degree: number }[] }>();
    const candidates: { id: string; type: ChartLinkType }[] = [];
    for (const id of frontier) {
      const row = degrees.get(id);
      const entry = { follow: [] as ChartLinkType[], hubs: [] as { type: ChartLinkType; degree: number }[] };
      plan.set(id, entry);
      for (const type of types) {
        const degree = row?.degrees[type] ?? 0;
        if (degree === 0) continue;
        if (degree <= SUPERNODE_DEGREE) entry.follow.push(type);
        else if (windowed) candidates.push({ id, type });
        else entry.hubs.push({ type, degree });
      }
    }
    if (candidates.length) {
      const rows = await tx.run<{ id: string; type: ChartLinkType; degree: number }>('linkchart/filtered-degrees', {
        rows: candidates,
        ...params,
      });
      for (const row of rows) {
        const entry = plan.get(row.id);
        if (!entry || row.degree === 0) continue;
        if (row.degree <= SUPERNODE_DEGREE) entry.follow.push(row.type);
        else entry.hubs.push({ type: row.type, degree: row.degree });
      }
    }

    const rows = [...plan].filter(([, p]) => p.follow.length).map(([id, p]) => ({ id, types: p.follow }));
    const perNode = SUPERNODE_DEGREE * types.length;
    const found = rows.length
      ? await tx.run<{ from: string; id: string }>('linkchart/neighbours', { rows, perNode, ...params })
      : [];
    const byNode = new Map<string, string[]>();
    for (const row of found) {
      const list = byNode.get(row.from) ?? [];
      list.push(row.id);
      byNode.set(row.from, list);
    }

    const next: string[] = [];
    for (const id of frontier) {
      const entry = plan.get(id)!;
      for (const hub of entry.hubs.sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type))) {
        if (!room()) {
          truncated = true;
          continue;
        }
        if (collapsed.some((g) => collapsedNodeId(g.supernode, g.type) === collapsedNodeId(id, hub.type))) continue;
        collapsed.push({
          supernode: id,
          supernodeKind: degrees.get(id)?.kind ?? 'PERSON',
          type: hub.type,
          degree: hub.degree,
        });
      }
      const neighbours = (byNode.get(id) ?? []).sort();
      if (neighbours.length >= perNode) truncated = true;
      for (const neighbour of neighbours) if (add(neighbour)) next.push(neighbour);
    }
    frontier = next;
  }
  return { entityIds, collapsed, truncated, types };
}

async function readDegrees(tx: Transaction, ids: readonly string[]): Promise<Map<string, NodeDegrees>> {
  const rows = await tx.run<DegreeRow>('linkchart/degrees', { ids });
  return new Map(
    rows.map((row) => {
      const kind = row.labels.map((label) => KIND_BY_LABEL[label]).find((k) => k !== undefined) ?? 'PERSON';
      return [row.id, { kind, degrees: row.degrees }];
    }),
  );
}
