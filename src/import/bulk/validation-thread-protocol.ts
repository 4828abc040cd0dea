import type { IngestBatchInput } from '../../ingest/batch-types.ts';
import type { KnownEntity, ValidatedBatch } from '../../ingest/validate-batch.ts';

/** From the loading thread to a validation thread. */
export type ValidationCommand =
  | { type: 'validate'; task: number; batch: IngestBatchInput; nowMillis: number }
  | { type: 'known'; task: number; known: Map<string, KnownEntity> };

/** From a validation thread back. */
export type ValidationMessage =
  | { type: 'lookup'; task: number; keys: string[] }
  | { type: 'validated'; task: number; result: ValidatedBatch }
  | { type: 'failed'; task: number; name: string; message: string };
