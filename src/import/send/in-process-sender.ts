import { DatabaseTimeoutError, DatabaseUnavailableError } from '../../db/errors.ts';
import type { IngestBatchInput, IngestReport } from '../../ingest/batch-types.ts';
import { BatchTooLargeError, InvalidBatchError, type IngestService } from '../../ingest/ingest-batch.ts';
import { BatchRefusedError, RetryableSendError, type BatchSender } from './batch-sender.ts';

/** Sends batches to the ingest service of this process, straight over the database (no HTTP, no token). */
export class InProcessSender implements BatchSender {
  constructor(
    private readonly ingest: IngestService,
    readonly describe: string,
  ) {}

  async send(batch: IngestBatchInput): Promise<IngestReport> {
    try {
      return await this.ingest.ingest(batch);
    } catch (error) {
      if (error instanceof DatabaseUnavailableError)
        throw new RetryableSendError('DATABASE_UNAVAILABLE', error.message);
      if (error instanceof DatabaseTimeoutError) throw new RetryableSendError('DATABASE_TIMEOUT', error.message);
      if (error instanceof BatchTooLargeError) throw new BatchRefusedError('BATCH_TOO_LARGE', error.message);
      if (error instanceof InvalidBatchError) throw new BatchRefusedError('BAD_USER_INPUT', error.message);
      throw error;
    }
  }
}
