import type { Transaction } from '../db/database.ts';
import { entityLabel, type EntityKind } from '../entities/entity-records.ts';
import { toEntityRecord } from '../entities/read-entities.ts';
import type { TimeWindow } from './validate-request.ts';

export interface ChartEntity {
  id: string;
  kind: EntityKind;
  label: string;
  ringId: string | null;
}

interface ChartNodeRow extends Record<string, unknown> {
  props: Record<string, unknown>;
  labels: string[];
  ringId: string | null;
}

/** A link between two entities of a chart, as chart-contents.cypher reads it. */
export interface ChartLinkRow {
  source: string;
  target: string;
  type: string;
  count: number | null;
}

interface ChartContentsRow extends ChartNodeRow {
  links: { target: string; type: string; count: number | null }[];
}

/** Kind, label and current ring of the entities a chart or a path shows. */
export async function readChartEntities(tx: Transaction, ids: readonly string[]): Promise<Map<string, ChartEntity>> {
  if (!ids.length) return new Map();
  return toChartEntities(await tx.run<ChartNodeRow>('linkchart/chart-nodes', { ids: [...new Set(ids)] }));
}

/** The entities of a chart as readChartEntities gives them, and the links among them of `types` in the window. */
export async function readChartContents(
  tx: Transaction,
  ids: readonly string[],
  params: { types: readonly string[] } & TimeWindow,
): Promise<{ entities: Map<string, ChartEntity>; links: ChartLinkRow[] }> {
  if (!ids.length) return { entities: new Map(), links: [] };
  const rows = await tx.run<ChartContentsRow>('linkchart/chart-contents', { ids: [...new Set(ids)], ...params });
  const links = rows.flatMap((row) => {
    const source = row.props['id'] as string;
    return row.links.map((link) => ({ source, ...link }));
  });
  return { entities: toChartEntities(rows), links };
}

function toChartEntities(rows: readonly ChartNodeRow[]): Map<string, ChartEntity> {
  const result = new Map<string, ChartEntity>();
  for (const row of rows) {
    const entity = toEntityRecord({ props: row.props, labels: row.labels, sources: [] });
    if (!entity) continue;
    result.set(entity.id, {
      id: entity.id,
      kind: entity.kind,
      label: entityLabel(entity),
      ringId: typeof row.ringId === 'string' ? row.ringId : null,
    });
  }
  return result;
}
