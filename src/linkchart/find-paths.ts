import type { Database } from '../db/database.ts';
import {
  UnknownEntitiesError,
  edgeId,
  edgeWeight,
  type ChartEdge,
  type ChartPath,
  type PathRequest,
} from './chart-types.ts';
import { readChartEntities } from './read-chart-nodes.ts';
import { checkPathRequest } from './validate-request.ts';

interface PathRow extends Record<string, unknown> {
  nodeIds: string[];
  links: { source: string; target: string; type: string; count: number | null }[];
}

/** How many shortest paths to read at most before picking: enough for ties, bounded for hubs. */
const ALL_SHORTEST_LIMIT = 200;
const MORE_PATHS_LIMIT = 30;

/**
 * The shortest paths between two entities over every link (undirected), up to maxLength
 * relationships: all shortest ones first, then, when fewer than `first`, longer ones in
 * order of length. Paths are distinct by the entities they pass through (two calls in
 * opposite directions between the same phones are one path for an investigator); ties are
 * ordered by their entity ids so the answer is the same every time.
 */
export async function findPaths(db: Database, request: PathRequest): Promise<ChartPath[]> {
  checkPathRequest(request);
  const ends = await db.readTransaction((tx) => readChartEntities(tx, [request.from, request.to]));
  const unknown = [request.from, request.to].filter((id) => !ends.has(id));
  if (unknown.length) throw new UnknownEntitiesError(unknown);

  const params = { from: request.from, to: request.to, maxLength: request.maxLength };
  const options = { timeoutMs: 15_000 };
  const distinct = new Map<string, PathRow>();
  const keep = (rows: PathRow[]) => {
    for (const row of rows) {
      const key = row.nodeIds.join('>');
      if (!distinct.has(key)) distinct.set(key, row);
    }
  };
  keep(await db.read<PathRow>('linkchart/all-shortest-paths', { ...params, limit: ALL_SHORTEST_LIMIT }, options));
  if (distinct.size > 0 && distinct.size < request.first) {
    keep(await db.read<PathRow>('linkchart/shortest-paths', { ...params, limit: MORE_PATHS_LIMIT }, options));
  }
  const chosen = [...distinct.entries()]
    .sort(([ka, a], [kb, b]) => a.nodeIds.length - b.nodeIds.length || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .slice(0, request.first)
    .map(([, row]) => row);

  const ids = [...new Set(chosen.flatMap((row) => row.nodeIds))];
  const entities = await db.readTransaction((tx) => readChartEntities(tx, ids));
  return chosen.map((row) => ({
    length: row.links.length,
    nodes: row.nodeIds.map((id, i) => {
      const entity = entities.get(id);
      return {
        id,
        kind: entity?.kind ?? 'PERSON',
        label: entity?.label ?? id,
        ringId: entity?.ringId ?? null,
        // Laid out left to right in path order, so a client can draw it as it comes.
        x: i * 10,
        y: 0,
        collapsedCount: null,
      };
    }),
    edges: row.links.map((link): ChartEdge => ({
      id: edgeId(link.source, link.type, link.target),
      source: link.source,
      target: link.target,
      type: link.type,
      weight: edgeWeight(link.type, link.count),
    })),
  }));
}
