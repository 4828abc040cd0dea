import { entityLabel } from '../entities/entity-records.ts';
import type { EntityReader } from '../entities/read-entities.ts';
import type { ProtectionView } from '../protection/protection-view.ts';
import type { AlertRecord } from './alert-records.ts';
import type { AlertService } from './alert-service.ts';
import { namedIds, renderSummary } from './render-summary.ts';

/** An alert as a webhook carries it: the GraphQL Alert's fields, for the receiving agency's clearance. */
export interface AlertView {
  id: string;
  rule: string;
  severity: string;
  status: string;
  raisedAt: string;
  updatedAt: string;
  summary: string;
  entities: { id: string; kind: string; label: string }[];
  ringId: string | null;
  sources: { source: string; externalId: string }[];
}

/** `entities` must be the reader bound to `protection` (EntityReader.forViewer). */
export async function presentAlert(
  alert: AlertRecord,
  entities: EntityReader,
  protection: ProtectionView,
  alerts: AlertService,
): Promise<AlertView> {
  const records = await entities.byIds([...new Set([...alert.entityIds, ...namedIds(alert.template)])]);
  const sources = await alerts.sources(alert.sourceKeys);
  return {
    id: alert.id,
    rule: alert.rule,
    severity: alert.severity,
    status: alert.status,
    raisedAt: alert.raisedAt,
    updatedAt: alert.updatedAt,
    summary: await renderSummary(alert.template, records, protection),
    entities: alert.entityIds.flatMap((id) => {
      const entity = records.get(id);
      return entity ? [{ id, kind: entity.kind, label: entityLabel(entity) }] : [];
    }),
    ringId: alert.ringId,
    sources: sources.map((s) => ({ source: s.source, externalId: s.externalId })),
  };
}
