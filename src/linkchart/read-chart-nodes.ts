import type { Transaction } from '../db/database.ts';
import { entityLabel, type EntityKind } from '../entities/entity-records.ts';
import { toEntityRecord } from '../entities/read-entities.ts';

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

/** A link between two entities of a chart. */
export interface ChartLinkRow {
  source: string;
  target: string;
  type: string;
  count: number | null;
}

/** An entity of a chart with its links to the chart's other entities, as expand-level.cypher reads it. */
export interface ChartContentsRow extends ChartNodeRow {
  links: { target: string; type: string; count: number | null }[];
}

/** What a chart shows: its entities, and the links among them. */
export interface ChartContents {
  entities: Map<string, ChartEntity>;
  links: ChartLinkRow[];
}

/** Kind, label and current ring of the entities a chart or a path shows. */
export async function readChartEntities(tx: Transaction, ids: readonly string[]): Promise<Map<string, ChartEntity>> {
  if (!ids.length) return new Map();
  return toChartEntities(await tx.run<ChartNodeRow>('linkchart/chart-nodes', { ids: [...new Set(ids)] }));
}

export function toChartContents(rows: readonly ChartContentsRow[]): ChartContents {
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
