import { randomUUID } from 'node:crypto';
import { appendChange } from '../../changes/change-event.ts';
import type { Database } from '../../db/database.ts';
import { RingNotFoundError } from '../ring-detection-service.ts';
import { toRingRecord, type RingRecord, type RingStatus } from '../ring-records.ts';
import { InvalidTriageError } from './triage-errors.ts';
import {
  CONFIRM_REASONS,
  DISMISS_REASONS,
  MAX_ASSIGNEE_LENGTH,
  MAX_NOTE_LENGTH,
  type RingTriageReason,
  type TriageAction,
} from './triage-vocabulary.ts';

export interface RingNoteRecord {
  id: string;
  ringId: string;
  author: string;
  at: string;
  text: string;
}

export interface RingTriageEventRecord {
  at: string;
  by: string;
  action: TriageAction;
  status: RingStatus;
  assignee: string | null;
  reason: RingTriageReason | null;
  note: string | null;
}

export interface TriageRequest {
  status: RingStatus;
  reason: RingTriageReason | null;
  note: string | null;
}

/**
 * The analysts' work on ring candidates (decision record 0014): who has a ring, the verdict with a
 * reason from the fixed list, and notes. Everything is kept on the ring's node and beside it, so a
 * later detection run that carries the ring over (same id, same node) keeps it; each change writes
 * its line in the ring's triage history in the same statement, and a verdict its record in the
 * change feed in the same transaction. Requests are checked in full before anything is written.
 */
export class RingTriageService {
  constructor(private readonly db: Database) {}

  async triage(id: string, request: TriageRequest, by: string): Promise<RingRecord> {
    const note = cleanText(request.note, 'note', false);
    const reason = checkReason(request.status, request.reason);
    const action: TriageAction =
      request.status === 'CONFIRMED' ? 'CONFIRMED' : request.status === 'DISMISSED' ? 'DISMISSED' : 'REOPENED';
    const row = await this.db.writeTransaction(async (tx) => {
      const [found] = await tx.run<{ ring: Record<string, unknown> }>('rings/triage-ring', {
        id,
        status: request.status === 'OPEN' ? null : request.status,
        reason,
        note,
        by,
        at: new Date().toISOString(),
        action,
        eventId: `rte_${randomUUID()}`,
      });
      if (!found) return undefined;
      // The same record as setRingStatus writes: the alert rules follow verdicts (a dismissed
      // ring's members raise no RING_MEMBER_ACTIVITY).
      await appendChange(tx, {
        kind: 'RING_STATUS',
        batchId: id,
        source: null,
        entityIds: [],
        entityKinds: [],
        linkTypes: [],
        recordKeys: [],
        payload: { ringId: id, status: request.status, note, reason, by },
      });
      return found;
    });
    if (!row) throw new RingNotFoundError(`no ring with id ${id}`);
    return toRingRecord(row.ring);
  }

  async assign(id: string, assignee: string | null, by: string): Promise<RingRecord> {
    const who = cleanText(assignee, 'assignee', false, MAX_ASSIGNEE_LENGTH);
    const [row] = await this.db.writeTransaction((tx) =>
      tx.run<{ ring: Record<string, unknown> }>('rings/assign-ring', {
        id,
        assignee: who,
        by,
        at: new Date().toISOString(),
        eventId: `rte_${randomUUID()}`,
      }),
    );
    if (!row) throw new RingNotFoundError(`no ring with id ${id}`);
    return toRingRecord(row.ring);
  }

  async addNote(id: string, text: string, author: string): Promise<RingNoteRecord> {
    const cleaned = cleanText(text, 'text', true)!;
    const [row] = await this.db.writeTransaction((tx) =>
      tx.run<{ note: Record<string, unknown> }>('rings/add-ring-note', {
        id,
        noteId: `rnt_${randomUUID()}`,
        author,
        at: new Date().toISOString(),
        text: cleaned,
      }),
    );
    if (!row) throw new RingNotFoundError(`no ring with id ${id}`);
    return { ...toNote(row.note), ringId: id };
  }

  /** The notes of several rings in one statement, oldest first. */
  async notes(ids: readonly string[]): Promise<Map<string, RingNoteRecord[]>> {
    const rows = ids.length
      ? await this.db.read<{ ringId: string; notes: Record<string, unknown>[] }>('rings/ring-notes', {
          ids: [...new Set(ids)],
        })
      : [];
    return new Map(rows.map((row) => [row.ringId, row.notes.map((n) => ({ ...toNote(n), ringId: row.ringId }))]));
  }

  /** The triage history of several rings in one statement, oldest first. */
  async history(ids: readonly string[]): Promise<Map<string, RingTriageEventRecord[]>> {
    const rows = ids.length
      ? await this.db.read<{ ringId: string; events: Record<string, unknown>[] }>('rings/ring-triage-history', {
          ids: [...new Set(ids)],
        })
      : [];
    return new Map(rows.map((row) => [row.ringId, row.events.map(toEvent)]));
  }
}

/** A verdict needs a reason of its kind; reopening takes none. */
function checkReason(status: RingStatus, reason: RingTriageReason | null): RingTriageReason | null {
  if (status === 'OPEN') {
    if (reason !== null) throw new InvalidTriageError('reopening a ring takes no reason; say why in the note');
    return null;
  }
  const allowed: readonly string[] = status === 'CONFIRMED' ? CONFIRM_REASONS : DISMISS_REASONS;
  if (reason === null) {
    throw new InvalidTriageError(`${status.toLowerCase()} needs a reason: one of ${allowed.join(', ')}`);
  }
  if (!allowed.includes(reason)) {
    throw new InvalidTriageError(`${reason} is not a reason to mark a ring ${status}: one of ${allowed.join(', ')}`);
  }
  return reason;
}

function cleanText(value: string | null, field: string, required: boolean, max = MAX_NOTE_LENGTH): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required) throw new InvalidTriageError(`${field} must not be empty`);
    return null;
  }
  if (trimmed.length > max) throw new InvalidTriageError(`${field} is longer than ${max} characters`);
  return trimmed;
}

function toNote(props: Record<string, unknown>): Omit<RingNoteRecord, 'ringId'> {
  return {
    id: String(props['id']),
    author: String(props['author']),
    at: String(props['at']),
    text: String(props['text']),
  };
}

function toEvent(props: Record<string, unknown>): RingTriageEventRecord {
  return {
    at: String(props['at']),
    by: String(props['by']),
    action: String(props['action']) as TriageAction,
    status: String(props['status'] ?? 'OPEN') as RingStatus,
    assignee: (props['assignee'] as string | null | undefined) ?? null,
    reason: (props['reason'] as RingTriageReason | null | undefined) ?? null,
    note: (props['note'] as string | null | undefined) ?? null,
  };
}
