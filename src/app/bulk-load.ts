import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../config/load-config.ts';
import { applySchema } from '../db/apply-schema.ts';
import { Database } from '../db/database.ts';
import { LocalNeo4j } from '../db/local-neo4j/local-neo4j.ts';
import { runOfflineImport } from '../db/local-neo4j/run-offline-import.ts';
import { BulkLoadWriter, type BulkFiles } from '../import/bulk/bulk-load-writer.ts';
import { importerArguments, neo4jAdminCommand } from '../import/bulk/importer-command.ts';
import { ValidationPool } from '../import/bulk/validation-pool.ts';
import { DEFAULT_BATCH_SIZE, readImportBatches } from '../import/import-file.ts';
import type { ImportSummary } from '../import/import-report.ts';
import type { ImportMapping } from '../import/mapping/mapping-schema.ts';
import type { ProgressBar } from '../import/progress-bar.ts';
import { runImport } from '../import/run-import.ts';

/** The store a bulk load was asked to fill already holds data: refused before anything is read or written. */
export class StoreNotEmptyError extends Error {
  override name = 'StoreNotEmptyError';
}

export interface BulkLoadOptions {
  /** The same inputs as `npm run import`: a batch file, a CSV file, a folder or a zip of them. */
  path: string;
  mapping?: string | ImportMapping | undefined;
  source?: string | undefined;
  batchSize?: number | undefined;
  /** Where the import files go; default a new folder under DATA_DIR, removed after a load into the embedded store. */
  out?: string | undefined;
  progress?: ProgressBar | undefined;
  log?: (line: string) => void;
  /** Leave the embedded Neo4j running after the load (tests, benchmarks); the caller stops it. */
  keepRunning?: boolean;
  /** How long a start of the embedded Neo4j may take on a loaded machine. */
  startTimeoutMs?: number;
  /** Threads checking the records; default one per core. */
  validationThreads?: number;
}

export interface BulkLoadResult {
  summary: ImportSummary;
  files: BulkFiles;
  /** With NEO4J_URI: the importer's command to run on that server; nothing was imported. */
  serverCommand: string | undefined;
  /** Seconds writing the files (validation included), importing, and creating the indexes. */
  seconds: { files: number; import: number; schema: number };
  /** With keepRunning: the embedded Neo4j, open on the loaded store. */
  neo4j: { local: LocalNeo4j; uri: string } | undefined;
}

const START_TIMEOUT_MS = 600_000;

function storeDirs(home: string, database: string): string[] {
  return [join(home, 'data', 'databases', database), join(home, 'data', 'transactions', database)];
}

/** Whether the embedded store is new (no store files), empty (no node), or holds data: refused. */
async function checkStore(config: Config, home: string, startTimeoutMs: number, log: (line: string) => void) {
  const [databaseDir] = storeDirs(home, config.neo4j.database);
  const hasStore = existsSync(databaseDir!) && readdirSync(databaseDir!).some((name) => name.startsWith('neostore'));
  if (!hasStore) return { existed: existsSync(databaseDir!) };
  log(`checking that the store in ${home} is empty...`);
  const local = new LocalNeo4j({
    dataDir: home,
    password: config.neo4j.password,
    heap: '1g',
    pageCache: '256m',
    startTimeoutMs,
  });
  let nodes: number;
  try {
    const ready = await local.start().catch((error: unknown) => {
      throw new StoreNotEmptyError(
        `cannot open the store in ${home} to check that it is empty (is the service running on it? stop it first): ${(error as Error).message}`,
      );
    });
    const db = await Database.connect({ ...config.neo4j, uri: ready.boltUri, user: 'neo4j' });
    try {
      const [row] = await db.read<{ nodes: number }>('import/count-nodes');
      nodes = Number(row?.nodes ?? 0);
    } finally {
      await db.close();
    }
  } finally {
    await local.stop();
  }
  if (nodes > 0) {
    throw new StoreNotEmptyError(
      `the store in ${home} holds ${nodes.toLocaleString('en-US')} nodes; a bulk load fills only a new or empty store ` +
        '(nothing was read or written). Add to it with `npm run import` without --bulk, or set DATA_DIR to a new folder.',
    );
  }
  return { existed: true };
}

/**
 * A first load through Neo4j's offline importer (docs/decisions/0017-bulk-load-through-neo4j-import.md):
 * the input checked batch by batch as the ingest checks it, written as the service's data model
 * into import files, imported into the new or empty embedded store, then opened once to create
 * the service's constraints and indexes. With NEO4J_URI set only the files are written, and the
 * command for that server's own importer is returned.
 */
export async function bulkLoad(config: Config, options: BulkLoadOptions): Promise<BulkLoadResult> {
  const log = options.log ?? (() => undefined);
  const startTimeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;
  const home = join(resolve(config.dataDir), 'neo4j');
  const server = config.neo4j.uri !== undefined;
  const store = server ? { existed: false } : await checkStore(config, home, startTimeoutMs, log);

  const out = resolve(
    options.out ?? join(config.dataDir, `bulk-import-${new Date().toISOString().replace(/[:.]/g, '-')}`),
  );
  if (existsSync(out) && readdirSync(out).length)
    throw new StoreNotEmptyError(`${out} is not empty; give --out a new folder`);
  const started = performance.now();
  const writer = await BulkLoadWriter.create(out);
  const input = await readImportBatches(options.path, {
    mapping: options.mapping,
    source: options.source,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
  });
  const pool = new ValidationPool(options.validationThreads);
  let summary: ImportSummary;
  try {
    summary = await runImport(writer.validatingAhead(input.batches, pool), writer, {
      retries: 0,
      progress: options.progress,
      notes: input.notes,
    });
  } finally {
    await pool.close();
    await input.close();
  }
  log('settling repeated records and writing the import files...');
  const files = await writer.finish();
  const filesSeconds = (performance.now() - started) / 1000;
  if (server) {
    return {
      summary,
      files,
      serverCommand: neo4jAdminCommand(files, config.neo4j.database),
      seconds: { files: filesSeconds, import: 0, schema: 0 },
      neo4j: undefined,
    };
  }

  const importStarted = performance.now();
  try {
    await runOfflineImport({
      home,
      workDir: out,
      args: importerArguments(files, config.neo4j.database, { overwrite: store.existed }),
      heap: config.neo4j.heap,
      offHeap: config.neo4j.pageCache,
      onLine: (line) => log(`  neo4j-import: ${line}`),
    });
  } catch (error) {
    // A store that was new is new again; an empty one was replaced and is created empty at the next start.
    for (const dir of storeDirs(home, config.neo4j.database)) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const importSeconds = (performance.now() - importStarted) / 1000;

  const schemaStarted = performance.now();
  log('starting Neo4j on the loaded store to create the constraints and indexes...');
  const local = new LocalNeo4j({
    dataDir: home,
    password: config.neo4j.password,
    heap: config.neo4j.heap,
    pageCache: config.neo4j.pageCache,
    startTimeoutMs,
    log,
  });
  const ready = await local.start(config.neo4j.boltPort);
  try {
    const db = await Database.connect({ ...config.neo4j, uri: ready.boltUri, user: 'neo4j' });
    try {
      await db.runText(db.registry.get('import/restore-empty-lists'), {}, 'WRITE');
      await applySchema(db, { awaitIndexesSeconds: 3_600 });
    } finally {
      await db.close();
    }
  } catch (error) {
    await local.stop();
    throw error;
  }
  const schemaSeconds = (performance.now() - schemaStarted) / 1000;
  if (!options.keepRunning) await local.stop();
  if (!options.out) await rm(out, { recursive: true, force: true });
  return {
    summary,
    files,
    serverCommand: undefined,
    seconds: { files: filesSeconds, import: importSeconds, schema: schemaSeconds },
    neo4j: options.keepRunning ? { local, uri: ready.boltUri } : undefined,
  };
}
