import type { IngestBatchInput, IngestReport } from '../../ingest/batch-types.ts';

/** Where an import sends its batches: the service over HTTP, or the ingest service in this process. */
export interface BatchSender {
  readonly describe: string;
  send(batch: IngestBatchInput): Promise<IngestReport>;
}

/** The batch was not written, but may be sent again (the database restarting, a rate limit, a lost connection). */
export class RetryableSendError extends Error {
  override name = 'RetryableSendError';
  constructor(
    readonly code: string,
    message: string,
    /** How long the service asked the sender to wait, when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The batch was refused whole (too large, no permission, malformed); sending it again would not help. */
export class BatchRefusedError extends Error {
  override name = 'BatchRefusedError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
