import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkMappingFields, csvToRecords, type ConversionNotes } from './csv-to-records.ts';
import type { ImportSummary } from './import-report.ts';
import { MappingError, readMapping, type ImportMapping } from './mapping/mapping-schema.ts';
import { ImportInputError, openInput } from './open-input.ts';
import type { ProgressBar } from './progress-bar.ts';
import { readBatchFile } from './read-batch-file.ts';
import { readCsvFile, type CsvTable } from './read-csv.ts';
import { runImport } from './run-import.ts';
import type { BatchSender } from './send/batch-sender.ts';
import type { IngestBatchInput } from '../ingest/batch-types.ts';
import { splitIntoBatches } from './split-into-batches.ts';

export interface ImportFileOptions {
  sender: BatchSender;
  /** The mapping file (or the mapping itself) for CSV input. */
  mapping?: string | ImportMapping | undefined;
  source?: string | undefined;
  batchSize?: number;
  retries?: number;
  progress?: ProgressBar | undefined;
}

export const DEFAULT_BATCH_SIZE = 5_000;

/** The batches an input gives, in the order they must be written, and what the CSV conversion noted. */
export interface ImportBatches {
  batches: AsyncIterable<{ batch: IngestBatchInput; share?: number }>;
  notes: ConversionNotes | undefined;
  /** Removes what was unpacked. */
  close(): Promise<void>;
}

/**
 * Reads a batch file (streamed), a CSV file, a folder of CSV files or a zip of them into ingest
 * batches, each with its idempotency key: what `npm run import` sends, and what its bulk load writes.
 */
export async function readImportBatches(
  path: string,
  options: Pick<ImportFileOptions, 'mapping' | 'source' | 'batchSize'>,
): Promise<ImportBatches> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const input = await openInput(path);
  try {
    if (input.kind !== 'csv') {
      const format = input.kind === 'batches-ndjson' ? 'ndjson' : 'json';
      const batches = readBatchFile(input.files[0]!, format, { source: options.source, batchSize });
      return { batches, notes: undefined, close: () => input.close() };
    }
    if (!options.mapping) throw new ImportInputError(`${path}: CSV input needs --mapping <mapping.json>`);
    const mapping = typeof options.mapping === 'string' ? await readMapping(options.mapping) : options.mapping;
    checkMappingFields(mapping);
    const source = options.source ?? mapping.source;
    if (!source) throw new MappingError('no source: give --source or "source" in the mapping');
    const { records, notes } = await csvToRecords(mapping, tableReader(input.dir, input.files));
    const total = Object.values(records).reduce((sum, list) => sum + list.length, 0);
    let sent = 0;
    const batches = [...splitIntoBatches(records, source, batchSize)].map((batch) => {
      sent += Object.values(batch).reduce((sum: number, v) => sum + (Array.isArray(v) ? v.length : 0), 0);
      return { batch, share: sent / Math.max(1, total) };
    });
    return { batches: toAsync(batches), notes, close: () => input.close() };
  } catch (error) {
    await input.close();
    throw error;
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** Imports a batch file, a CSV file, a folder of CSV files or a zip of them. */
export async function importFile(path: string, options: ImportFileOptions): Promise<ImportSummary> {
  const input = await readImportBatches(path, options);
  try {
    const run = { sender: options.sender, retries: options.retries, progress: options.progress, notes: input.notes };
    return await runImport(input.batches, options.sender, withoutUndefined(run));
  } finally {
    await input.close();
  }
}

/** Reads a file the mapping names: by its path in the input, else by its name anywhere in it. */
function tableReader(dir: string, files: readonly string[]): (file: string) => Promise<CsvTable> {
  const cache = new Map<string, Promise<CsvTable>>();
  return (file) => {
    let table = cache.get(file);
    if (!table) {
      const found = existsSync(join(dir, file)) ? file : files.find((f) => f === file || f.endsWith(`/${file}`));
      if (!found) return Promise.reject(new MappingError(`the mapping names ${file}, which is not in the input`));
      table = readCsvFile(join(dir, found));
      cache.set(file, table);
    }
    return table;
  };
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
