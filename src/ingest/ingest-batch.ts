import { randomUUID } from 'node:crypto';
import { appendChange } from '../changes/change-event.ts';
import { CapabilityError, ErrorCode } from '../shared/capability-error.ts';
import type { CypherStatementName } from '../db/cypher-registry.ts';
import type { Database, Transaction } from '../db/database.ts';
import type { LinkType } from '../entities/vocabulary.ts';
import type { IngestBatchInput, IngestReport } from './batch-types.ts';
import { TEXT_LIMITS, isBlank, textProblem } from './check-values.ts';
import { refKey } from '../entities/entity-keys.ts';
import { SerialQueue } from '../shared/serial-queue.ts';
import { validateBatch, type KnownEntity, type LinkRow, type ValidatedBatch } from './validate-batch.ts';

const PHONE_REF = refKey('PHONE', '', '');

/** The documented ceiling of one ingest call; larger batches are refused whole. */
export const MAX_RECORDS_PER_BATCH = 50_000;

/** Base class of the refusals of a whole batch (a record's own problems are reported in the result). */
export class IngestError extends CapabilityError {
  override name = 'IngestError';
}

export class BatchTooLargeError extends IngestError {
  override name = 'BatchTooLargeError';
  override readonly code = ErrorCode.BATCH_TOO_LARGE;
  override readonly details: { records: number };
  constructor(readonly records: number) {
    super(`the batch has ${records} records; at most ${MAX_RECORDS_PER_BATCH} are accepted per call, split it`);
    this.details = { records };
  }
}

export class InvalidBatchError extends IngestError {
  override name = 'InvalidBatchError';
  override readonly code = ErrorCode.BAD_USER_INPUT;
}

/** One statement per link type: a type added to the vocabulary without one fails the typecheck. */
const LINK_STATEMENTS: Record<LinkType, CypherStatementName> = {
  USES_PHONE: 'ingest/link-uses-phone',
  CALLED: 'ingest/link-called',
  RECRUITED_BY: 'ingest/link-recruited-by',
  KNOWS: 'ingest/link-knows',
  RELATIVE_OF: 'ingest/link-relative-of',
  INVOLVED_IN: 'ingest/link-involved-in',
  OPERATES: 'ingest/link-operates',
};

/**
 * The batch's source as records are keyed by it (trimmed), or InvalidBatchError: there is no
 * record to reject, so a bad source refuses the batch whole. Exported so that the API checks
 * the same name against the caller's agency before anything else.
 */
export function batchSource(batch: Pick<IngestBatchInput, 'source'>): string {
  const source = typeof batch.source === 'string' ? batch.source.trim() : '';
  if (isBlank(source)) throw new InvalidBatchError('source is empty');
  if (source.includes('|')) throw new InvalidBatchError('source may not contain "|"');
  const problem = textProblem(source, 'source', TEXT_LIMITS.source);
  if (problem) throw new InvalidBatchError(problem.message);
  return source;
}

/** The idempotency key, checked like any text (it is part of an indexed key); none when empty. */
export function batchIdempotencyKey(batch: IngestBatchInput): string | undefined {
  const key = batch.idempotencyKey;
  if (key == null || key === '') return undefined;
  if (typeof key !== 'string') throw new InvalidBatchError('idempotencyKey must be text');
  const problem = textProblem(key, 'idempotencyKey', TEXT_LIMITS.idempotencyKey);
  if (problem) throw new InvalidBatchError(problem.message);
  return key;
}

export function countRecords(batch: IngestBatchInput): number {
  return (
    (batch.people?.length ?? 0) +
    (batch.phones?.length ?? 0) +
    (batch.brokers?.length ?? 0) +
    (batch.crossings?.length ?? 0) +
    (batch.cases?.length ?? 0) +
    (batch.links?.length ?? 0)
  );
}

/** What identifies a batch before its records are read: its size, its source and its idempotency key. */
export interface BatchIdentity {
  records: number;
  source: string;
  /** `source|idempotencyKey`, the key of its (:IngestBatch); none without an idempotency key. */
  batchKey: string | undefined;
}

/**
 * Checks what refuses a batch whole (too large, a bad source or key) and names it; shared by
 * the ingest and the bulk load, so both refuse the same batches and key them alike.
 */
export function batchIdentity(batch: IngestBatchInput): BatchIdentity {
  const records = countRecords(batch);
  if (records > MAX_RECORDS_PER_BATCH) throw new BatchTooLargeError(records);
  const source = batchSource(batch);
  const idempotencyKey = batchIdempotencyKey(batch);
  return { records, source, batchKey: idempotencyKey ? `${source}|${idempotencyKey}` : undefined };
}

/** The report of a checked batch, as the sender gets it and as a replay of its key answers it. */
export function reportOf(records: number, validated: Pick<ValidatedBatch, 'errors'>): IngestReport {
  return {
    accepted: records - validated.errors.length,
    rejected: validated.errors.length,
    errors: validated.errors,
    replayed: false,
  };
}

/**
 * Writes agencies' batches: checked first, then every valid record in one transaction
 * (all or nothing), with replays of an idempotency key answered from the first report.
 */
export class IngestService {
  /**
   * One writing transaction at a time in this process: concurrent batches touching the same
   * phones and checkpoints would otherwise deadlock and retry, and on two cores parallel
   * writers gain nothing.
   */
  private readonly writes = new SerialQueue();

  constructor(
    private readonly db: Database,
    /** Called after a batch committed (its change record with it), to wake this process's feed consumers. */
    private readonly onCommitted: () => void = () => undefined,
  ) {}

  async ingest(batch: IngestBatchInput, now: Date = new Date()): Promise<IngestReport> {
    const { records, source, batchKey } = batchIdentity(batch);

    if (batchKey) {
      const earlier = await this.db.read<{ report: string | null }>('ingest/find-batch-report', { key: batchKey });
      const report = earlier[0]?.report;
      if (report) return { ...(JSON.parse(report) as IngestReport), replayed: true };
    }

    const validated = await validateBatch({ ...batch, source }, (refs) => this.findKnown(refs), now);
    const report = reportOf(records, validated);
    const stamp = now.toISOString();
    const written = this.writes.run(() =>
      this.db.writeTransaction(
        async (tx) => {
          if (batchKey) {
            const [claim] = await tx.run<{ report: string | null }>('ingest/claim-batch', {
              key: batchKey,
              now: stamp,
            });
            if (claim?.report) return { ...(JSON.parse(claim.report) as IngestReport), replayed: true };
          }
          const written = await writeRecords(tx, validated, stamp);
          if (batchKey) {
            await tx.run('ingest/save-batch-report', { key: batchKey, report: JSON.stringify(report), now: stamp });
          }
          // Last, so the feed's lock is held only for the commit (src/changes/change-event.ts).
          await appendChange(tx, {
            kind: 'INGEST',
            batchId: batchKey ?? `${source}|${randomUUID()}`,
            source,
            ...written,
          });
          return report;
        },
        { timeoutMs: 300_000, metadata: { operation: 'ingest', source, records } },
      ),
    );
    const committed = await written;
    if (!committed.replayed) this.onCommitted();
    return committed;
  }

  private async findKnown(refs: readonly string[]): Promise<Map<string, KnownEntity>> {
    const numbers = refs.filter((key) => key.startsWith(PHONE_REF)).map((key) => key.slice(PHONE_REF.length));
    const keys = refs.filter((key) => !key.startsWith(PHONE_REF));
    type Found = { key: string; id: string; dateOfBirth: string | null };
    const rows = await this.db.readTransaction(async (tx) => [
      ...(keys.length ? await tx.run<Found>('ingest/find-known-entities', { keys }) : []),
      ...(numbers.length ? await tx.run<Found>('ingest/find-known-phones', { numbers }) : []),
    ]);
    return new Map(rows.map((row) => [row.key, { id: row.id, dateOfBirth: row.dateOfBirth }]));
  }
}

/** A fact of the batch that was not in the store before: a new crossing record, a new link or a changed role. */
export interface NewCrossing {
  id: string;
  key: string;
  personId: string;
  direction: string;
  atMillis: number;
  checkpointId: string;
}

export interface NewLink {
  type: string;
  fromId: string;
  toId: string;
  role: string | null;
}

/** What the batch wrote, for its record in the change feed. */
export interface WrittenRecords {
  entityIds: string[];
  entityKinds: string[];
  linkTypes: string[];
  recordKeys: string[];
  payload: { crossings: NewCrossing[]; links: NewLink[] };
}

/**
 * Writes a checked batch's rows with the ingest's statements. Exported for the ingest benchmark,
 * whose plain-statement side writes the same data model without the service around it.
 */
export async function writeRecords(tx: Transaction, batch: ValidatedBatch, now: string): Promise<WrittenRecords> {
  const ids = new Map<string, string>();
  const remember = (rows: { key: string; id: string }[]) => rows.forEach((row) => ids.set(row.key, row.id));
  const touched = new Set<string>();
  if (batch.people.length) remember(await tx.run('ingest/upsert-people', { rows: batch.people, now }));
  if (batch.phones.length) remember(await tx.run('ingest/upsert-phones', { rows: batch.phones, now }));
  if (batch.brokers.length) remember(await tx.run('ingest/upsert-brokers', { rows: batch.brokers, now }));
  if (batch.cases.length) remember(await tx.run('ingest/upsert-cases', { rows: batch.cases, now }));

  // Links and crossings may also name entities of earlier batches, looked up while validating.
  for (const [key, id] of batch.knownIds) if (!ids.has(key)) ids.set(key, id);
  for (const id of ids.values()) touched.add(id);
  const crossings: NewCrossing[] = [];
  if (batch.crossings.length) {
    const rows = batch.crossings.map((c) => ({ ...c, personId: ids.get(c.person) }));
    const written = await tx.run<{ key: string; id: string; created: boolean }>('ingest/upsert-crossings', {
      rows,
      now,
    });
    const byKey = new Map(rows.map((row) => [row.key, row]));
    for (const row of written) {
      const input = byKey.get(row.key);
      touched.add(row.id);
      if (input?.personId) touched.add(input.personId);
      if (!row.created || !input?.personId) continue;
      crossings.push({
        id: row.id,
        key: row.key,
        personId: input.personId,
        direction: input.props.direction,
        atMillis: input.props.atMillis,
        checkpointId: input.checkpoint.id,
      });
    }
  }
  const links: NewLink[] = [];
  const byType = new Map<string, (LinkRow & { fromId: string | undefined; toId: string | undefined })[]>();
  for (const link of batch.links) {
    const rows = byType.get(link.type) ?? [];
    rows.push({ ...link, fromId: ids.get(link.from), toId: ids.get(link.to) });
    byType.set(link.type, rows);
  }
  for (const [type, rows] of byType) {
    // The type was checked against the vocabulary by validateBatch.
    const statement = (LINK_STATEMENTS as Partial<Record<string, CypherStatementName>>)[type];
    if (!statement) throw new Error(`no statement for link type ${type}`);
    const created = await tx.run<{ fromId: string; toId: string; role: string | null }>(statement, { rows, now });
    for (const row of rows) {
      if (row.fromId) touched.add(row.fromId);
      if (row.toId) touched.add(row.toId);
    }
    const seen = new Set<string>();
    for (const row of created) {
      const key = `${row.fromId}|${row.toId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ type, fromId: row.fromId, toId: row.toId, role: row.role ?? null });
    }
  }
  const sections: [string, readonly unknown[]][] = [
    ['PERSON', batch.people],
    ['PHONE', batch.phones],
    ['BROKER', batch.brokers],
    ['CASE', batch.cases],
    ['BORDER_CROSSING', batch.crossings],
  ];
  return {
    entityIds: [...touched],
    entityKinds: sections.filter(([, rows]) => rows.length).map(([kind]) => kind),
    linkTypes: [...byType.keys()],
    recordKeys: [
      ...batch.people.map((r) => r.key),
      ...batch.phones.map((r) => r.key),
      ...batch.brokers.map((r) => r.key),
      ...batch.cases.map((r) => r.key),
      ...batch.crossings.map((r) => r.key),
    ],
    payload: { crossings, links },
  };
}
