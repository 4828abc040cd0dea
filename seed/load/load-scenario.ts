import { estimateRecordCount } from '../generate/estimate-record-count.ts';
import { generateScenario, type ScenarioSinks } from '../generate/generate-scenario.ts';
import { countBatchRecords, type IngestBatchInput } from '../ingest-types.ts';
import type { ScenarioOptionsInput } from '../options.ts';

export interface IngestOutcome {
  accepted: number;
  rejected: number;
  errors: readonly { section: string; index: number; code: string; message: string }[];
}

export interface LoadProgress {
  records: number;
  estimatedTotal: number;
  batches: number;
}

export interface LoadSummary {
  batches: number;
  records: number;
  accepted: number;
  rejected: number;
  /** The first few rejections, for the report; a generated scenario should have none. */
  firstErrors: string[];
  seconds: number;
}

/**
 * Sends a generated scenario through an ingest function (the service's own, in-process,
 * or a client of the GraphQL mutation), batch by batch, in the order the generator gives.
 * The generator streams, so only one batch is in memory at a time.
 */
export async function loadScenario(
  options: ScenarioOptionsInput,
  ingest: (batch: IngestBatchInput) => Promise<IngestOutcome>,
  hooks: { onProgress?: (progress: LoadProgress) => void; sinks?: ScenarioSinks } = {},
): Promise<LoadSummary> {
  const started = performance.now();
  const estimatedTotal = estimateRecordCount(options);
  const summary: LoadSummary = { batches: 0, records: 0, accepted: 0, rejected: 0, firstErrors: [], seconds: 0 };
  for (const batch of generateScenario(options, hooks.sinks)) {
    const outcome = await ingest(batch);
    summary.batches += 1;
    summary.records += countBatchRecords(batch);
    summary.accepted += outcome.accepted;
    summary.rejected += outcome.rejected;
    for (const error of outcome.errors) {
      if (summary.firstErrors.length < 10) {
        summary.firstErrors.push(`${batch.source} ${error.section}[${error.index}] ${error.code}: ${error.message}`);
      }
    }
    hooks.onProgress?.({ records: summary.records, estimatedTotal, batches: summary.batches });
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
