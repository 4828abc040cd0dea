import type { IngestBatchInput } from '../ingest/batch-types.ts';
import { countRecords } from '../ingest/ingest-batch.ts';
import type { ConversionNotes } from './csv-to-records.ts';
import { emptySummary, tally, type ImportSummary } from './import-report.ts';
import type { ProgressBar } from './progress-bar.ts';
import { BatchRefusedError, RetryableSendError, type BatchSender } from './send/batch-sender.ts';

export interface RunImportOptions {
  /** Attempts after the first for a batch whose failure may pass (the database restarting). */
  retries?: number;
  progress?: ProgressBar | undefined;
  notes?: ConversionNotes | undefined;
  /** Waits between attempts; tests shorten it. */
  backoffMs?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number) => Math.min(1_000 * 2 ** attempt, 15_000);

/**
 * Sends batches one after another (the service writes one batch at a time anyway), retrying a
 * batch whose failure may pass. Every batch carries an idempotency key, so a retry after a
 * failure whose outcome is unknown (a lost connection) cannot write anything twice.
 */
export async function runImport(
  batches:
    Iterable<{ batch: IngestBatchInput; share?: number }> | AsyncIterable<{ batch: IngestBatchInput; share?: number }>,
  sender: BatchSender,
  options: RunImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const summary = emptySummary(sender.describe);
  summary.notes = options.notes;
  const retries = options.retries ?? 8;
  const backoff = options.backoffMs ?? defaultBackoff;
  let share: number | undefined;
  const progress = () => ({ records: summary.sent, batches: summary.batches, rejected: summary.rejected, share });

  for await (const item of batches) {
    const { batch } = item;
    share = item.share;
    summary.batches += 1;
    const number = summary.batches;
    const records = countRecords(batch);
    if (!summary.sources.includes(batch.source)) summary.sources.push(batch.source);
    for (let attempt = 0; ; attempt++) {
      try {
        const report = await sender.send(batch);
        summary.sent += records;
        tally(summary, number, batch, report);
        break;
      } catch (error) {
        if (error instanceof RetryableSendError && attempt < retries) {
          const wait = error.retryAfterMs ?? backoff(attempt);
          summary.retries += 1;
          options.progress?.note(
            `batch ${number}: ${error.code} (${error.message}); retrying in ${(wait / 1000).toFixed(1)} s`,
          );
          await new Promise((done) => setTimeout(done, wait));
          continue;
        }
        if (!(error instanceof RetryableSendError || error instanceof BatchRefusedError)) throw error;
        summary.failedBatches.push({ batch: number, code: error.code, message: error.message, records });
        options.progress?.note(`batch ${number} FAILED: ${error.code}: ${error.message}`);
        break;
      }
    }
    options.progress?.update(progress());
  }
  summary.seconds = (performance.now() - started) / 1000;
  options.progress?.finish(progress());
  return summary;
}
