import type { Database, Transaction } from '../db/database.ts';
import { toChangeEvent, type ChangeEvent, type ChangeKind } from './change-event.ts';

/** A feed record without its payload: which write it was and the entities it touched. */
export interface TouchedEntities {
  seq: number;
  kind: ChangeKind;
  batchId: string;
  at: string;
  entityIds: string[];
}

/** How many records one consumer step takes at most. */
const DEFAULT_STEP = 200;

/**
 * Reads the change feed: the durable, gap-free, commit-ordered list of (:ChangeEvent) records
 * that every writer appends in its own transaction (docs/decisions/0010-change-feed-in-the-database.md).
 * A record with seq N is visible only once every record below N is, so a reader that has seen
 * N never misses a lower one.
 */
export class ChangeFeed {
  constructor(private readonly db: Database) {}

  /** The records after `after`, oldest first. */
  async read(after: number, limit = DEFAULT_STEP): Promise<ChangeEvent[]> {
    const rows = await this.db.read<{ change: Record<string, unknown> }>('changes/read-changes', { after, limit });
    return rows.map((row) => toChangeEvent(row.change));
  }

  /**
   * The records in (after, upTo], oldest first, with only what says which entities each write
   * touched: for a reader that re-reads those entities itself and has no use for the payloads.
   */
  async touched(after: number, upTo: number, limit = DEFAULT_STEP): Promise<TouchedEntities[]> {
    const rows = await this.db.read<TouchedEntities>('changes/read-touched', { after, upTo, limit });
    return rows.map((row) => ({
      seq: Number(row.seq),
      kind: row.kind,
      batchId: String(row.batchId),
      at: String(row.at),
      entityIds: row.entityIds ?? [],
    }));
  }

  /** The seq of the latest committed record (0 before the first). */
  async head(): Promise<number> {
    const [row] = await this.db.read<{ seq: number }>('changes/feed-head');
    return Number(row?.seq ?? 0);
  }

  /** A named consumer whose position is kept in the database. */
  consumer(name: string): ChangeConsumer {
    return new ChangeConsumer(this.db, name);
  }
}

/**
 * A consumer of the feed whose position lives in the database as (:ChangeConsumer {name,
 * position}). Each step runs in one write transaction: it locks the consumer, reads the records
 * after its position, lets the handler write what it makes of them in the same transaction, and
 * moves the position past them. The handler's writes and the new position commit together, so
 * after a crash or a restart the consumer resumes where its last commit left it, and no record
 * is handled twice or skipped; processes sharing a name take turns.
 */
export class ChangeConsumer {
  constructor(
    private readonly db: Database,
    readonly name: string,
  ) {}

  async position(): Promise<number> {
    const [row] = await this.db.read<{ position: number }>('changes/consumer-position', { name: this.name });
    return Number(row?.position ?? 0);
  }

  /**
   * Handles the next records, at most `limit`; returns them (none: the consumer is at the head).
   * The handler may run more than once if the driver retries the transaction: it must only write
   * through `tx`.
   */
  async step<R>(
    handle: (events: ChangeEvent[], tx: Transaction) => Promise<R>,
    limit = DEFAULT_STEP,
  ): Promise<{ events: ChangeEvent[]; result: R | undefined }> {
    const [check] = await this.db.read<{ behind: boolean }>('changes/consumer-behind', { name: this.name });
    if (!check?.behind) return { events: [], result: undefined };
    return this.db.writeTransaction(
      async (tx) => {
        const now = new Date().toISOString();
        const [claim] = await tx.run<{ position: number }>('changes/claim-consumer', { name: this.name, now });
        const after = Number(claim?.position ?? 0);
        const rows = await tx.run<{ change: Record<string, unknown> }>('changes/read-changes', { after, limit });
        const events = rows.map((row) => toChangeEvent(row.change));
        if (!events.length) return { events, result: undefined };
        const result = await handle(events, tx);
        await tx.run('changes/save-consumer-position', { name: this.name, position: events.at(-1)!.seq, now });
        return { events, result };
      },
      { timeoutMs: 120_000, metadata: { operation: 'consumeChanges', consumer: this.name } },
    );
  }
}
