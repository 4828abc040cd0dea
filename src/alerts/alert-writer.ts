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

/** A finding and the seq of the feed record it came from. */
export interface FoundAt {
  finding: Finding;
  changeSeq: number;
}

/**
 * Stores findings in the consumer's transaction: one alert per dedupe key, a ring's open alert
 * updated rather than duplicated, in the order found (a finding sees what the ones before it in
 * the step raised). Three statements whatever the number of findings: the alerts they concern
 * are read at once, settled in memory, and written at once. Returns each alert raised or changed
 * once, as it now stands (to publish).
 */
export async function storeFindings(tx: Transaction, found: readonly FoundAt[], now: string): Promise<AlertRecord[]> {
  if (!found.length) return [];
  const rows = await tx.run<{ alert: Record<string, unknown> }>('alerts/find-alerts', {
    dedupeKeys: unique(found.map(({ finding }) => finding.dedupeKey)),
    openRingKeys: unique(found.flatMap(({ finding }) => finding.openRingKey ?? [])),
  });
  const byDedupeKey = new Map<string, AlertRecord>();
  const openByRingKey = new Map<string, AlertRecord>();
  for (const row of rows) {
    const alert = toAlertRecord(row.alert);
    byDedupeKey.set(alert.dedupeKey, alert);
    if (alert.openRingKey) openByRingKey.set(alert.openRingKey, alert);
  }
  const created = new Set<string>();
  const changed = new Map<string, AlertRecord>();
  const settle = (alert: AlertRecord) => {
    byDedupeKey.set(alert.dedupeKey, alert);
    if (alert.openRingKey) openByRingKey.set(alert.openRingKey, alert);
    changed.set(alert.id, alert);
  };

  for (const { finding, changeSeq } of found) {
    const existing = byDedupeKey.get(finding.dedupeKey);
    if (existing) {
      if (finding.escalates && SEVERITY_RANK[finding.severity] > SEVERITY_RANK[existing.severity]) {
        settle(updated(existing, finding, changeSeq, now));
      }
      continue;
    }
    const open = finding.openRingKey ? openByRingKey.get(finding.openRingKey) : undefined;
    if (open) {
      settle(updated(open, finding, changeSeq, now));
      continue;
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
    created.add(alert.id);
    settle(alert);
  }

  const alerts = [...changed.values()];
  const toCreate = alerts.filter((alert) => created.has(alert.id));
  const toUpdate = alerts.filter((alert) => !created.has(alert.id));
  if (toCreate.length) await tx.run('alerts/create-alerts', { alerts: toCreate.map(storable) });
  if (toUpdate.length) {
    await tx.run('alerts/update-found-alerts', {
      updates: toUpdate.map((alert) => ({ id: alert.id, changes: updatableFields(alert) })),
    });
  }
  return alerts;
}

/** The alert after a finding that it takes: worse severity kept, lists joined, raised again now. */
function updated(alert: AlertRecord, finding: Finding, changeSeq: number, now: string): AlertRecord {
  return {
    ...alert,
    severity: SEVERITY_RANK[finding.severity] > SEVERITY_RANK[alert.severity] ? finding.severity : alert.severity,
    template: finding.template,
    entityIds: unique([...finding.entityIds, ...alert.entityIds]).slice(0, 200),
    sourceKeys: unique([...finding.sourceKeys, ...alert.sourceKeys]).slice(0, 500),
    watchers: unique([...alert.watchers, ...finding.watchers]),
    raisedAt: now,
    updatedAt: now,
    changeSeq,
  };
}

/** What a finding changes on a stored alert (never its status, assignee or disposition: triage's). */
function updatableFields(alert: AlertRecord): Record<string, unknown> {
  const { severity, template, entityIds, sourceKeys, watchers, raisedAt, updatedAt, changeSeq } = alert;
  return { severity, template, entityIds, sourceKeys, watchers, raisedAt, updatedAt, changeSeq };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
