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

/** Kind, label and current ring of the entities a chart or a path shows. */
export async function readChartEntities(tx: Transaction, ids: readonly string[]): Promise<Map<string, ChartEntity>> {
  const result = new Map<string, ChartEntity>();
  if (!ids.length) return result;
  const rows = await tx.run<ChartNodeRow>('linkchart/chart-nodes', { ids: [...new Set(ids)] });
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
