import { CapabilityError, ErrorCode } from '../shared/capability-error.ts';
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { ConstraintViolationError } from '../db/errors.ts';
import { GENESIS_HASH, hashEvent, toAuditEvent, type AuditEntry, type AuditEvent } from './audit-event.ts';

/** Appends that lost the race for a seq to another process this many times in a row give up. */
const MAX_APPEND_ATTEMPTS = 25;

/** The trail could not take a record; what it would have recorded is withheld. */
export class AuditWriteError extends CapabilityError {
  override name = 'AuditWriteError';
  override readonly code = ErrorCode.AUDIT_UNAVAILABLE;
}

/** At most this many records go into one transaction of the trail. */
const MAX_GROUP = 500;

interface PendingAppend {
  entry: AuditEntry;
  resolve: (event: AuditEvent) => void;
  reject: (error: unknown) => void;
}

/**
 * The append-only, hash-chained audit trail in Neo4j, as (:AuditEvent) nodes numbered by seq.
 * Appends are serialised in this process (one head, no lost updates) and committed in groups:
 * the records that arrive while one transaction is in flight go together into the next one,
 * chained in memory, so a busy service pays one write per group rather than one per request,
 * and every request still waits until its own record is stored. Another process appending at
 * the same time makes the seq constraint refuse one of two writers, which then re-reads the
 * head and retries its group, so the chain stays one line across processes.
 */
export class AuditTrail {
  private head: { seq: number; hash: string } | undefined;
  private readonly pending: PendingAppend[] = [];
  private flushing = false;

  constructor(private readonly db: Database) {}

  append(entry: AuditEntry): Promise<AuditEvent> {
    return new Promise<AuditEvent>((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** One page of the trail, newest first, below the seq `beforeSeq`. */
  async page(options: { entityId: string | null; beforeSeq: number | null; limit: number }): Promise<AuditEvent[]> {
    const rows = await this.db.read<{ event: Record<string, unknown> }>('audit/trail-page', options);
    return rows.map((row) => toAuditEvent(row.event));
  }

  /** Records in chain order after `afterSeq`. */
  async chainPage(afterSeq: number, limit: number): Promise<AuditEvent[]> {
    const rows = await this.db.read<{ event: Record<string, unknown> }>('audit/chain-page', { afterSeq, limit });
    return rows.map((row) => toAuditEvent(row.event));
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length) {
        const group = this.pending.splice(0, MAX_GROUP);
        try {
          const events = await this.appendGroup(group.map((p) => p.entry));
          group.forEach((p, i) => p.resolve(events[i]!));
        } catch (error) {
          for (const p of group) p.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async appendGroup(entries: readonly AuditEntry[]): Promise<AuditEvent[]> {
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      try {
        let head = (this.head ??= await this.readHead());
        const events = entries.map((entry) => {
          const unhashed = { ...entry, id: `aud_${randomUUID()}`, seq: head.seq + 1, prevHash: head.hash };
          const event: AuditEvent = { ...unhashed, hash: hashEvent(unhashed) };
          head = { seq: event.seq, hash: event.hash };
          return event;
        });
        await this.db.write('audit/append-events', { events: events.map(withoutNulls) });
        this.head = head;
        return events;
      } catch (error) {
        // Whatever happened, the head we held may be stale now: read it again next time.
        this.head = undefined;
        if (!(error instanceof ConstraintViolationError)) {
          throw new AuditWriteError('the audit record could not be written', { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
    throw new AuditWriteError(`the audit record lost the race for a sequence number ${MAX_APPEND_ATTEMPTS} times`);
  }

  private async readHead(): Promise<{ seq: number; hash: string }> {
    const [row] = await this.db.read<{ seq: number; hash: string }>('audit/head');
    return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
  }
}

/** Neo4j stores no null properties; toAuditEvent reads the absent ones back as null. */
function withoutNulls(event: AuditEvent): Record<string, unknown> {
  return Object.fromEntries(Object.entries(event).filter(([, value]) => value !== null));
}
