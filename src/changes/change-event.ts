import type { Transaction } from '../db/database.ts';

/** What kind of write left a record in the change feed. */
export type ChangeKind =
  'INGEST' | 'BULK_LOAD' | 'MERGE' | 'UNMERGE' | 'RING_STATUS' | 'DETECTION_RUN' | 'ALERTS_RAISED';

/** What a writer says about its transaction; the feed adds the seq and the time. */
export interface ChangeEntry {
  kind: ChangeKind;
  /** The batch key (source|idempotencyKey), the merge, run or ring id: what the write was. */
  batchId: string;
  source: string | null;
  /** Every entity the write touched (created, updated or linked). */
  entityIds: string[];
  entityKinds: string[];
  linkTypes: string[];
  /** The agency records (SourceRecord keys) the write brought. */
  recordKeys: string[];
  /** What a consumer needs to judge the write without reading it again, by kind (JSON in the store). */
  payload: Record<string, unknown>;
}

/** One committed record of the feed: seq is its place in commit order, from 1 without gaps. */
export interface ChangeEvent extends Omit<ChangeEntry, 'source'> {
  seq: number;
  at: string;
  source: string | null;
}

/**
 * Appends the record of this transaction's write to the change feed. Call it last in the
 * transaction: it takes the feed's lock (held until commit), so the shorter the rest of the
 * transaction after it, the less other writers wait.
 */
export async function appendChange(tx: Transaction, entry: ChangeEntry): Promise<number> {
  const event = {
    kind: entry.kind,
    batchId: entry.batchId,
    source: entry.source,
    entityIds: unique(entry.entityIds),
    entityKinds: unique(entry.entityKinds),
    linkTypes: unique(entry.linkTypes),
    recordKeys: unique(entry.recordKeys),
    payload: JSON.stringify(entry.payload),
  };
  const [row] = await tx.run<{ seq: number }>('changes/append-change', { event });
  return Number(row!.seq);
}

export function toChangeEvent(props: Record<string, unknown>): ChangeEvent {
  return {
    seq: Number(props['seq']),
    at: String(props['at']),
    kind: props['kind'] as ChangeKind,
    batchId: String(props['batchId']),
    source: (props['source'] as string | undefined) ?? null,
    entityIds: (props['entityIds'] as string[] | undefined) ?? [],
    entityKinds: (props['entityKinds'] as string[] | undefined) ?? [],
    linkTypes: (props['linkTypes'] as string[] | undefined) ?? [],
    recordKeys: (props['recordKeys'] as string[] | undefined) ?? [],
    payload: JSON.parse(String(props['payload'] ?? '{}')) as Record<string, unknown>,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
