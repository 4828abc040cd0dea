import { createHash } from 'node:crypto';
import type { IngestBatchInput } from '../ingest/batch-types.ts';
import type { ImportRecords } from './csv-to-records.ts';

/** Entities before the crossings and links that name them, so every reference is sent first. */
const SECTION_ORDER = ['people', 'phones', 'brokers', 'cases', 'crossings', 'links'] as const;

/**
 * Cuts records into batches of at most `batchSize`, sections in dependency order. Each batch's
 * idempotency key is a digest of its source and records, so an import run again is answered
 * from the first run's reports (replayed) instead of being written twice.
 */
export function* splitIntoBatches(
  records: Partial<ImportRecords> | IngestBatchInput,
  source: string,
  batchSize: number,
  idempotencyKey?: (batch: IngestBatchInput, part: number) => string,
): Generator<IngestBatchInput> {
  let current: IngestBatchInput = { source };
  let size = 0;
  let part = 0;
  const finish = (): IngestBatchInput => {
    part += 1;
    const batch = current;
    batch.idempotencyKey = idempotencyKey ? idempotencyKey(batch, part) : contentKey(batch);
    current = { source };
    size = 0;
    return batch;
  };
  for (const section of SECTION_ORDER) {
    const list = (records[section] ?? []) as unknown[];
    for (let start = 0; start < list.length;) {
      const take = Math.min(batchSize - size, list.length - start);
      const slice = list.slice(start, start + take);
      (current as unknown as Record<string, unknown[]>)[section] = [
        ...(((current as unknown as Record<string, unknown[]>)[section] as unknown[] | undefined) ?? []),
        ...slice,
      ];
      size += take;
      start += take;
      if (size >= batchSize) yield finish();
    }
  }
  if (size > 0) yield finish();
}

export function contentKey(batch: IngestBatchInput): string {
  const { idempotencyKey: _ignored, ...content } = batch;
  return `import-${createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 32)}`;
}
