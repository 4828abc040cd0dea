import { createHash } from 'node:crypto';
import type { Transaction } from '../db/database.ts';
import {
  SEVERITY_RANK,
  storable,
  toAlertRecord,
  type AlertRecord,
  type AlertSeverity,
  type Rule,
} from './alert-records.ts';

/** What a rule found; the writer turns it into a new alert or an update of an open one. */
export interface Finding {
  rule: Rule;
  severity: AlertSeverity;
  /** One happening: a second finding with the same key raises nothing (unless it is worse, see `escalates`). */
  dedupeKey: string;
  template: string;
  entityIds: string[];
  ringId: string | null;
  sourceKeys: string[];
  watchers: string[];
  /** A ring's open alert of this rule takes the finding instead of a new alert. */
  openRingKey?: string;
  /** A later finding of the same key with a higher severity updates the alert (a minor's escort turns up later). */
  escalates?: boolean;
}

/** A stable id from the dedupe key, so that a step handled again after a crash finds the same alert. */
function alertId(dedupeKey: string): string {
  return `alr_${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 24)}`;
}

/**
 * Stores findings in the consumer's transaction: one alert per dedupe key, a ring's open alert
 * updated rather than duplicated. Returns the alerts that were raised or changed (to publish).
 */
export async function storeFindings(
  tx: Transaction,
  findings: readonly Finding[],
  changeSeq: number,
  now: string,
): Promise<AlertRecord[]> {
  const stored: AlertRecord[] = [];
  for (const finding of findings) {
    const [existing] = await tx.run<{ alert: Record<string, unknown> }>('alerts/find-alert', {
      dedupeKey: finding.dedupeKey,
    });
    if (existing) {
      const alert = toAlertRecord(existing.alert);
      if (finding.escalates && SEVERITY_RANK[finding.severity] > SEVERITY_RANK[alert.severity]) {
        stored.push(await update(tx, alert, finding, changeSeq, now));
      }
      continue;
    }
    if (finding.openRingKey) {
      const [open] = await tx.run<{ alert: Record<string, unknown> }>('alerts/find-open-ring-alert', {
        openRingKey: finding.openRingKey,
      });
      if (open) {
        stored.push(await update(tx, toAlertRecord(open.alert), finding, changeSeq, now));
        continue;
      }
    }
    const alert: AlertRecord = {
      id: alertId(finding.dedupeKey),
      rule: finding.rule,
      severity: finding.severity,
      status: 'OPEN',
      raisedAt: now,
      updatedAt: now,
      template: finding.template,
      entityIds: unique(finding.entityIds),
      ringId: finding.ringId,
      sourceKeys: unique(finding.sourceKeys),
      watchers: unique(finding.watchers),
      assignee: null,
      disposition: null,
      dedupeKey: finding.dedupeKey,
      changeSeq,
      openRingKey: finding.openRingKey ?? null,
    };
    const [row] = await tx.run<{ alert: Record<string, unknown> }>('alerts/create-alert', { alert: storable(alert) });
    stored.push(toAlertRecord(row!.alert));
  }
  return stored;
}

async function update(
  tx: Transaction,
  alert: AlertRecord,
  finding: Finding,
  changeSeq: number,
  now: string,
): Promise<AlertRecord> {
  const severity = SEVERITY_RANK[finding.severity] > SEVERITY_RANK[alert.severity] ? finding.severity : alert.severity;
  const changes = {
    severity,
    template: finding.template,
    entityIds: unique([...finding.entityIds, ...alert.entityIds]).slice(0, 200),
    sourceKeys: unique([...finding.sourceKeys, ...alert.sourceKeys]).slice(0, 500),
    watchers: unique([...alert.watchers, ...finding.watchers]),
    raisedAt: now,
    updatedAt: now,
    changeSeq,
  };
  const [row] = await tx.run<{ alert: Record<string, unknown> }>('alerts/update-found-alert', {
    id: alert.id,
    changes,
  });
  return toAlertRecord(row!.alert);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
