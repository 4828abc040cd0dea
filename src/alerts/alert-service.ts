import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { CapabilityError, ErrorCode } from '../shared/capability-error.ts';
import { toAlertRecord, type AlertRecord, type AlertStatus } from './alert-records.ts';

export interface WatchRecord {
  id: string;
  entityId: string | null;
  ringId: string | null;
  owner: string;
  note: string | null;
  createdAt: string;
}

export class AlertNotFoundError extends CapabilityError {
  override name = 'AlertNotFoundError';
  override readonly code = ErrorCode.NOT_FOUND;
}

export class InvalidAlertUpdateError extends CapabilityError {
  override name = 'InvalidAlertUpdateError';
  override readonly code = ErrorCode.BAD_USER_INPUT;
}

/** Triage moves forward only: OPEN → ACKNOWLEDGED → ESCALATED → CLOSED (steps may be skipped). */
const STATUS_ORDER: Record<AlertStatus, number> = { OPEN: 0, ACKNOWLEDGED: 1, ESCALATED: 2, CLOSED: 3 };
const MAX_TEXT = 1_000;

function toWatch(props: Record<string, unknown>): WatchRecord {
  return {
    id: String(props['id']),
    entityId: (props['entityId'] as string | undefined) ?? null,
    ringId: (props['ringId'] as string | undefined) ?? null,
    owner: String(props['owner']),
    note: (props['note'] as string | undefined) ?? null,
    createdAt: String(props['createdAt']),
  };
}

/** Stored alerts and watches: reads, triage and the caller's own watches. */
export class AlertService {
  constructor(private readonly db: Database) {}

  async list(filter: {
    statuses: readonly AlertStatus[] | null;
    rules: readonly string[] | null;
    skip: number;
    limit: number;
  }): Promise<{ alerts: AlertRecord[]; total: number }> {
    const params = { statuses: filter.statuses, rules: filter.rules };
    const [rows, [count]] = await Promise.all([
      this.db.read<{ alert: Record<string, unknown> }>('alerts/alerts-page', {
        ...params,
        skip: filter.skip,
        limit: filter.limit,
      }),
      this.db.read<{ total: number }>('alerts/count-alerts', params),
    ]);
    return { alerts: rows.map((row) => toAlertRecord(row.alert)), total: Number(count?.total ?? 0) };
  }

  async byIds(ids: readonly string[]): Promise<AlertRecord[]> {
    if (!ids.length) return [];
    const rows = await this.db.read<{ alert: Record<string, unknown> }>('alerts/alerts-by-ids', { ids });
    const byId = new Map(rows.map((row) => [String(row.alert['id']), toAlertRecord(row.alert)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async byId(id: string): Promise<AlertRecord | undefined> {
    return (await this.byIds([id]))[0];
  }

  async update(
    id: string,
    change: { status: AlertStatus; assignee: string | null | undefined; disposition: string | null | undefined },
  ): Promise<AlertRecord> {
    return this.db.writeTransaction(async (tx) => {
      const [row] = await tx.run<{ alert: Record<string, unknown> }>('alerts/alerts-by-ids', { ids: [id] });
      if (!row) throw new AlertNotFoundError(`no alert ${id}`);
      const alert = toAlertRecord(row.alert);
      if (alert.status === 'CLOSED') throw new InvalidAlertUpdateError(`alert ${id} is closed`);
      if (STATUS_ORDER[change.status] < STATUS_ORDER[alert.status]) {
        throw new InvalidAlertUpdateError(
          `an alert moves forward only: ${alert.status} cannot become ${change.status}`,
        );
      }
      const disposition = change.disposition?.trim() || null;
      if (change.status === 'CLOSED' && !disposition) {
        throw new InvalidAlertUpdateError('closing an alert needs a disposition: why it is closed');
      }
      const assignee = change.assignee === undefined ? alert.assignee : change.assignee?.trim() || null;
      if ((assignee?.length ?? 0) > MAX_TEXT || (disposition?.length ?? 0) > MAX_TEXT) {
        throw new InvalidAlertUpdateError(`assignee and disposition take at most ${MAX_TEXT} characters`);
      }
      const [updated] = await tx.run<{ alert: Record<string, unknown> }>('alerts/set-alert-status', {
        id,
        status: change.status,
        assignee,
        disposition: disposition ?? alert.disposition,
        now: new Date().toISOString(),
      });
      return toAlertRecord(updated!.alert);
    });
  }

  async watch(
    owner: string,
    input: { entityId: string | null; ringId: string | null; note: string | null },
    exists: (input: { entityId: string | null; ringId: string | null }) => Promise<boolean>,
  ): Promise<WatchRecord> {
    if (Boolean(input.entityId) === Boolean(input.ringId)) {
      throw new InvalidAlertUpdateError('a watch names exactly one of entityId and ringId');
    }
    if ((input.note?.length ?? 0) > MAX_TEXT)
      throw new InvalidAlertUpdateError(`a note takes at most ${MAX_TEXT} characters`);
    if (!(await exists(input)))
      throw new AlertNotFoundError(`no ${input.entityId ? 'entity' : 'ring'} ${input.entityId ?? input.ringId}`);
    const watch = {
      id: `wat_${randomUUID()}`,
      owner,
      createdAt: new Date().toISOString(),
      ...(input.entityId ? { entityId: input.entityId } : {}),
      ...(input.ringId ? { ringId: input.ringId } : {}),
      ...(input.note?.trim() ? { note: input.note.trim() } : {}),
    };
    const [row] = await this.db.write<{ watch: Record<string, unknown> }>('alerts/create-watch', { watch });
    return toWatch(row!.watch);
  }

  async unwatch(owner: string, id: string): Promise<boolean> {
    const [row] = await this.db.write<{ deleted: number }>('alerts/delete-watch', { id, owner });
    return Number(row?.deleted ?? 0) > 0;
  }

  async watches(owner: string): Promise<WatchRecord[]> {
    const rows = await this.db.read<{ watch: Record<string, unknown> }>('alerts/watches-of', { owner });
    return rows.map((row) => toWatch(row.watch));
  }

  async ringExists(id: string): Promise<boolean> {
    return (await this.db.read('alerts/ring-exists', { id })).length > 0;
  }

  async sources(keys: readonly string[]) {
    if (!keys.length) return [];
    return this.db.read<{
      key: string;
      source: string;
      externalId: string;
      firstSeen: string | null;
      lastSeen: string | null;
    }>('alerts/source-records', { keys });
  }
}
