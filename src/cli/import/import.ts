// npm run import -- <file|folder|zip> [--url http://127.0.0.1:4000 --token T] [--source S] [--batch-size 5000]
//   [--mapping mapping.json] [--retries 8]
// npm run import -- --bulk <file|folder|zip> [--mapping mapping.json] [--source S] [--batch-size 5000] [--out DIR]
// Without --url, writes in-process to NEO4J_URI, or to the embedded Neo4j under DATA_DIR (stop the service first).
// --bulk: a first load through Neo4j's offline importer into a new or empty embedded store.

import { parseArgs } from 'node:util';
import { bulkLoad, StoreNotEmptyError } from '../../app/bulk-load.ts';
import { openDatabase, type OpenDatabase } from '../../app/open-database.ts';
import { OfflineImportError } from '../../db/local-neo4j/run-offline-import.ts';
import { ConfigError, loadConfig } from '../../config/load-config.ts';
import { IngestService, MAX_RECORDS_PER_BATCH } from '../../ingest/ingest-batch.ts';
import { DEFAULT_BATCH_SIZE, importFile } from '../../import/import-file.ts';
import { formatSummary } from '../../import/import-report.ts';
import { MappingError } from '../../import/mapping/mapping-schema.ts';
import { ImportInputError } from '../../import/open-input.ts';
import { ProgressBar } from '../../import/progress-bar.ts';
import type { BatchSender } from '../../import/send/batch-sender.ts';
import { HttpSender } from '../../import/send/http-sender.ts';
import { InProcessSender } from '../../import/send/in-process-sender.ts';

const usage = `usage: npm run import -- <file> [options]
  <file>               batches: .json (one IngestBatchInput or an array), .ndjson/.jsonl (one per line);
                       CSV: a .csv file, a folder of them or a .zip (needs --mapping)
  --url URL            send to a running service (with --token, an ingest token of the sources' agency)
  --token T            bearer token for --url (or RINGWATCH_TOKEN)
                       without --url: write in-process to NEO4J_URI, or the embedded Neo4j under DATA_DIR
  --source S           the source of the records (CSV: else the mapping's; batches: replaces theirs)
  --batch-size N       records per batch (default ${DEFAULT_BATCH_SIZE}, at most ${MAX_RECORDS_PER_BATCH})
  --mapping FILE       how CSV columns become records (see import-mappings/pole.json)
  --retries N          attempts after the first for a batch that failed for a passing cause (default 8)
  --bulk               a first load: check every record as the ingest does, write import files and run
                       Neo4j's offline importer into the embedded store under DATA_DIR (new or empty only);
                       with NEO4J_URI set, write the files and print the server's neo4j-admin command
  --out DIR            --bulk: where the import files go (default a new folder under DATA_DIR, removed
                       after a load into the embedded store)`;

function positive(name: string, value: string | undefined, fallback: number, max = Infinity): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    throw new ImportInputError(`--${name} must be a whole number from 1 to ${max}, got "${value}"`);
  }
  return parsed;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      source: { type: 'string' },
      'batch-size': { type: 'string' },
      mapping: { type: 'string' },
      retries: { type: 'string' },
      bulk: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const batchSize = positive('batch-size', values['batch-size'], DEFAULT_BATCH_SIZE, MAX_RECORDS_PER_BATCH);
  const retries = values.retries === undefined ? 8 : Number(values.retries);
  if (!Number.isInteger(retries) || retries < 0)
    throw new ImportInputError(`--retries must be a whole number, got "${values.retries}"`);
  if (values.bulk) return bulk(positionals[0]!, values, batchSize);
  let sender: BatchSender;
  let database: OpenDatabase | undefined;
  if (values.url) {
    const token = values.token ?? process.env['RINGWATCH_TOKEN'];
    if (!token)
      throw new ImportInputError(
        '--url needs --token (an ingest token of the agency the sources belong to: npm run token -- --role ingest --agency A)',
      );
    sender = new HttpSender(values.url, token);
  } else {
    const config = loadConfig();
    database = await openDatabase(config, (line) => process.stderr.write(`${line}\n`));
    sender = new InProcessSender(
      new IngestService(database.db),
      config.neo4j.uri ?? `the embedded Neo4j in ${config.dataDir}`,
    );
  }
  try {
    const summary = await importFile(positionals[0]!, {
      sender,
      mapping: values.mapping,
      source: values.source,
      batchSize,
      retries,
      progress: new ProgressBar(),
    });
    process.stdout.write(`${formatSummary(summary)}\n`);
    return summary.failedBatches.length ? 1 : 0;
  } finally {
    await database?.close();
  }
}

/** Exit code of a bulk load with NEO4J_URI: the files are written, the server's own importer must load them. */
const EXIT_SERVER_IMPORT_NEEDED = 3;

async function bulk(
  path: string,
  values: {
    url?: string | undefined;
    mapping?: string | undefined;
    source?: string | undefined;
    out?: string | undefined;
  },
  batchSize: number,
): Promise<number> {
  if (values.url) throw new ImportInputError('--bulk loads a store offline and cannot send to --url; leave one out');
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const result = await bulkLoad(config, {
    path,
    mapping: values.mapping,
    source: values.source,
    batchSize,
    out: values.out,
    progress: new ProgressBar(),
    log,
  });
  process.stdout.write(`${formatSummary(result.summary)}\n`);
  const rows = result.files.files.reduce((sum, file) => sum + file.rows, 0);
  process.stdout.write(
    `  import files   ${result.files.files.length} files, ${rows.toLocaleString('en-US')} rows in ${result.files.dir} (${result.seconds.files.toFixed(1)} s)\n`,
  );
  if (result.serverCommand) {
    process.stdout.write(
      `\nNEO4J_URI is set: a server's store is loaded by that server's own importer, not by this command.\n` +
        `Nothing was imported. Copy the files to the server and run, with database ${config.neo4j.database} stopped (or new):\n\n` +
        `${result.serverCommand}\n\nthen start it and start the service: it creates its constraints and indexes.\n`,
    );
    return EXIT_SERVER_IMPORT_NEEDED;
  }
  process.stdout.write(
    `  imported       in ${result.seconds.import.toFixed(1)} s; constraints and indexes in ${result.seconds.schema.toFixed(1)} s\n` +
      `  records/s      ${Math.round(result.summary.sent / (result.seconds.files + result.seconds.import + result.seconds.schema)).toLocaleString('en-US')} end to end\n`,
  );
  return result.summary.failedBatches.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof ImportInputError ||
      error instanceof MappingError ||
      error instanceof ConfigError ||
      error instanceof StoreNotEmptyError ||
      error instanceof OfflineImportError;
    process.stderr.write(`import: ${known ? error.message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(2);
  },
);
