import { CapabilityError, ErrorCode } from '../shared/capability-error.ts';
import type { Database, Transaction } from '../db/database.ts';
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

const LINK_STATEMENTS: Record<string, string> = {
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
function batchIdempotencyKey(batch: IngestBatchInput): string | undefined {
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

  constructor(private readonly db: Database) {}

  async ingest(batch: IngestBatchInput, now: Date = new Date()): Promise<IngestReport> {
    const records = countRecords(batch);
    if (records > MAX_RECORDS_PER_BATCH) throw new BatchTooLargeError(records);
    const source = batchSource(batch);
    const idempotencyKey = batchIdempotencyKey(batch);
    const batchKey = idempotencyKey ? `${source}|${idempotencyKey}` : undefined;

    if (batchKey) {
      const earlier = await this.db.read<{ report: string | null }>('ingest/find-batch-report', { key: batchKey });
      const report = earlier[0]?.report;
      if (report) return { ...(JSON.parse(report) as IngestReport), replayed: true };
    }

    const validated = await validateBatch({ ...batch, source }, (refs) => this.findKnown(refs), now);
    const report: IngestReport = {
      accepted: records - validated.errors.length,
      rejected: validated.errors.length,
      errors: validated.errors,
      replayed: false,
    };
    const stamp = now.toISOString();
    return this.writes.run(() =>
      this.db.writeTransaction(
        async (tx) => {
          if (batchKey) {
            const [claim] = await tx.run<{ report: string | null }>('ingest/claim-batch', {
              key: batchKey,
              now: stamp,
            });
            if (claim?.report) return { ...(JSON.parse(claim.report) as IngestReport), replayed: true };
          }
          await writeRecords(tx, validated, stamp);
          if (batchKey) {
            await tx.run('ingest/save-batch-report', { key: batchKey, report: JSON.stringify(report), now: stamp });
          }
          return report;
        },
        { timeoutMs: 300_000, metadata: { operation: 'ingest', source, records } },
      ),
    );
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

async function writeRecords(tx: Transaction, batch: ValidatedBatch, now: string): Promise<void> {
  const ids = new Map<string, string>();
  const remember = (rows: { key: string; id: string }[]) => rows.forEach((row) => ids.set(row.key, row.id));
  if (batch.people.length) remember(await tx.run('ingest/upsert-people', { rows: batch.people, now }));
  if (batch.phones.length) remember(await tx.run('ingest/upsert-phones', { rows: batch.phones, now }));
  if (batch.brokers.length) remember(await tx.run('ingest/upsert-brokers', { rows: batch.brokers, now }));
  if (batch.cases.length) remember(await tx.run('ingest/upsert-cases', { rows: batch.cases, now }));

  // Links and crossings may also name entities of earlier batches, looked up while validating.
  for (const [key, id] of batch.knownIds) if (!ids.has(key)) ids.set(key, id);
  if (batch.crossings.length) {
    const rows = batch.crossings.map((c) => ({ ...c, personId: ids.get(c.person) }));
    await tx.run('ingest/upsert-crossings', { rows, now });
  }
  const byType = new Map<string, (LinkRow & { fromId: string | undefined; toId: string | undefined })[]>();
  for (const link of batch.links) {
    const rows = byType.get(link.type) ?? [];
    rows.push({ ...link, fromId: ids.get(link.from), toId: ids.get(link.to) });
    byType.set(link.type, rows);
  }
  for (const [type, rows] of byType) {
    const statement = LINK_STATEMENTS[type];
    if (!statement) throw new Error(`no statement for link type ${type}`);
    await tx.run(statement, { rows, now });
  }
}
