import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { IngestBatchInput } from '../ingest/batch-types.ts';
import { ImportInputError } from './open-input.ts';
import { splitIntoBatches } from './split-into-batches.ts';

export interface BatchFileOptions {
  /** Replaces each batch's source (its records and references to that source move with it). */
  source?: string | undefined;
  /** Batches with more records are sent in parts, each with its own key derived from the batch's. */
  batchSize: number;
}

/** A batch as read, and how far through the file it was (0..1), for the progress bar. */
export interface ReadBatch {
  batch: IngestBatchInput;
  share: number;
}

/**
 * The batches of a JSON file (one IngestBatchInput or an array of them) or an NDJSON file (one
 * per line, as seed:generate writes), streamed line by line so a file of gigabytes is fine.
 */
export async function* readBatchFile(
  path: string,
  format: 'json' | 'ndjson',
  options: BatchFileOptions,
): AsyncGenerator<ReadBatch> {
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new ImportInputError(`${path}: not valid JSON (${(error as Error).message})`);
    }
    const batches = Array.isArray(parsed) ? parsed : [parsed];
    for (const [i, batch] of batches.entries()) {
      for (const part of prepare(batch, options, `${path} batch ${i + 1}`)) {
        yield { batch: part, share: (i + 1) / batches.length };
      }
    }
    return;
  }
  const total = Math.max(1, (await stat(path)).size);
  let consumed = 0;
  let lineNumber = 0;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNumber += 1;
    consumed += Buffer.byteLength(line) + 1;
    if (!line.trim()) continue;
    let batch: unknown;
    try {
      batch = JSON.parse(line);
    } catch (error) {
      throw new ImportInputError(`${path} line ${lineNumber}: not valid JSON (${(error as Error).message})`);
    }
    for (const part of prepare(batch, options, `${path} line ${lineNumber}`)) {
      yield { batch: part, share: Math.min(1, consumed / total) };
    }
  }
}

function prepare(value: unknown, options: BatchFileOptions, where: string): IngestBatchInput[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ImportInputError(`${where}: expected an IngestBatchInput object`);
  }
  const batch = value as IngestBatchInput;
  const source = options.source ?? batch.source;
  if (typeof source !== 'string' || !source) throw new ImportInputError(`${where}: the batch has no source`);
  const renamed = options.source ? renameSource(batch, options.source) : batch;
  const records = countAll(renamed);
  if (records <= options.batchSize) return [renamed];
  const key = renamed.idempotencyKey;
  return [
    ...splitIntoBatches(
      renamed,
      source,
      options.batchSize,
      key ? (_part, n) => `${key}-part-${String(n).padStart(3, '0')}` : undefined,
    ),
  ];
}

function renameSource(batch: IngestBatchInput, source: string): IngestBatchInput {
  const old = batch.source;
  const moveRef = <T extends { source?: string | null }>(ref: T): T =>
    ref && ref.source === old ? { ...ref, source } : ref;
  const out: IngestBatchInput = { ...batch, source };
  if (batch.links) out.links = batch.links.map((l) => ({ ...l, from: moveRef(l.from), to: moveRef(l.to) }));
  if (batch.crossings) out.crossings = batch.crossings.map((c) => ({ ...c, person: moveRef(c.person) }));
  return out;
}

function countAll(batch: IngestBatchInput): number {
  return (['people', 'phones', 'brokers', 'crossings', 'cases', 'links'] as const).reduce(
    (sum, section) => sum + (batch[section]?.length ?? 0),
    0,
  );
}
