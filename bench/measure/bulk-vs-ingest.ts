import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScenario, type ScenarioOptionsInput } from '../../seed/index.ts';
import { bulkLoad } from '../../src/app/bulk-load.ts';
import { openDatabase } from '../../src/app/open-database.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { IngestBatchInput } from '../../src/ingest/batch-types.ts';
import { IngestService } from '../../src/ingest/ingest-batch.ts';
import { importFile } from '../../src/import/import-file.ts';
import { InProcessSender } from '../../src/import/send/in-process-sender.ts';
import { writeFileSync, createWriteStream } from 'node:fs';

export interface BulkVersusIngest {
  records: number;
  batches: number;
  /** The service's ingest in its own process (no HTTP), batch after batch into a fresh store. */
  ingestSeconds: number;
  ingestRecordsPerSecond: number;
  /** The bulk load end to end: checking and writing the files, Neo4j's importer, constraints and indexes. */
  bulkSeconds: number;
  bulkRecordsPerSecond: number;
  bulkStages: { files: number; import: number; schema: number };
  /** Bulk records/s over ingest records/s. */
  ratio: number;
  /** Peak RSS of this process (the bulk load's writer runs here). */
  peakRssMiB: number;
}

const PASSWORD = 'ringwatch-bench';

/** Writes the scenario as the batch file both sides read, one batch per line, streamed. */
async function writeScenario(
  scenario: ScenarioOptionsInput,
  path: string,
): Promise<{ records: number; batches: number }> {
  const out = createWriteStream(path);
  let records = 0;
  let batches = 0;
  for (const batch of generateScenario({ batchSize: 5_000, ...scenario }) as Generator<IngestBatchInput>) {
    batches += 1;
    for (const section of ['people', 'phones', 'brokers', 'crossings', 'cases', 'links'] as const) {
      records += batch[section]?.length ?? 0;
    }
    if (!out.write(`${JSON.stringify(batch)}\n`)) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  return { records, batches };
}

/**
 * The same scenario file loaded twice into fresh embedded stores: through the service's ingest
 * (as `npm run import` in-process does), and through the bulk load (`npm run import -- --bulk`),
 * each timed from the file to a store the service can serve (indexes online).
 */
export async function measureBulkVersusIngest(
  scenario: ScenarioOptionsInput,
  options: { skipIngest?: boolean; log?: (line: string) => void } = {},
): Promise<BulkVersusIngest> {
  const work = mkdtempSync(join(tmpdir(), 'ringwatch-bench-bulk-'));
  const log = options.log ?? (() => undefined);
  try {
    const path = join(work, 'batches.ndjson');
    const { records, batches } = await writeScenario(scenario, path);
    writeFileSync(join(work, 'README'), 'benchmark scenario; removed after the run\n');
    const env = { NEO4J_PASSWORD: PASSWORD, SEED_DEMO: 'false', NEO4J_HEAP: '2g', NEO4J_PAGECACHE: '2g' };

    let ingestSeconds = Number.NaN;
    if (!options.skipIngest) {
      log(`bulk: ${records.toLocaleString('en-US')} records through the ingest...`);
      const config = loadConfig({ ...env, DATA_DIR: join(work, 'ingest') });
      const database = await openDatabase(config);
      try {
        const started = performance.now();
        const summary = await importFile(path, {
          sender: new InProcessSender(new IngestService(database.db), 'bench'),
        });
        ingestSeconds = (performance.now() - started) / 1000;
        if (summary.failedBatches.length) throw new Error(`ingest: ${summary.failedBatches.length} batches failed`);
      } finally {
        await database.close();
      }
      rmSync(join(work, 'ingest'), { recursive: true, force: true });
    }

    log(`bulk: the same file through the bulk load...`);
    const started = performance.now();
    const result = await bulkLoad(loadConfig({ ...env, DATA_DIR: join(work, 'bulk') }), {
      path,
      log: (line) => {
        if (!line.startsWith('  neo4j-import: .')) log(`  ${line}`);
      },
    });
    const bulkSeconds = (performance.now() - started) / 1000;
    return {
      records,
      batches,
      ingestSeconds,
      ingestRecordsPerSecond: records / ingestSeconds,
      bulkSeconds,
      bulkRecordsPerSecond: records / bulkSeconds,
      bulkStages: result.seconds,
      ratio: ingestSeconds / bulkSeconds,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
