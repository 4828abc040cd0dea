import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { csvLine, type FieldValue } from './csv-field.ts';
import { LineFile } from './line-file.ts';
import { hash53 } from './string-hash.ts';

/** Which row of a key the store ends up with: the first (ON CREATE), the last (SET +=), or all merged (links). */
export type KeepRule = 'first' | 'last' | { merge: (kept: FieldValue[], next: FieldValue[]) => FieldValue[] };

/**
 * One file for Neo4j's importer, which wants each node once and each relationship once, while
 * the input may repeat a record (re-sent, or sent by several batches): the ingest's MERGE keeps
 * one. Rows go to a pending file as they come, with their key; only a hash of each key stays in
 * memory. `finish` writes the importer's file, passing rows of keys seen once as they are and
 * settling the keys whose hash came twice (repeats, or rarely a collision) by their exact key.
 *
 * A pending line is `key TAB csv-row`, with ` TAB json-values` for a merged table: the row is
 * written out as it is for almost every key, and only a merged key's rows are parsed again. No
 * stored text holds a tab (src/ingest/check-values.ts refuses control characters).
 */
export class ImportTable {
  private readonly pending: LineFile;
  private readonly seen = new Set<number>();
  private readonly suspects = new Set<string>();
  rows = 0;

  constructor(
    readonly file: string,
    private readonly header: string,
    private readonly keep: KeepRule,
  ) {
    this.pending = new LineFile(`${file}.pending`);
  }

  add(key: string, values: FieldValue[]): void {
    const hash = hash53(key);
    if (this.seen.has(hash)) this.suspects.add(key);
    else this.seen.add(hash);
    const row = csvLine(values);
    const merged = typeof this.keep === 'object' ? `\t${JSON.stringify(values)}` : '';
    this.pending.write(`${key}\t${row.slice(0, -1)}${merged}\n`);
  }

  /** Writes the importer's file and removes the pending one; returns the rows written. */
  async finish(): Promise<number> {
    this.pending.close();
    this.seen.clear();
    const out = new LineFile(this.file);
    out.write(`${this.header}\n`);
    const settled = this.suspects.size ? await this.settle() : new Map<string, FieldValue[] | number>();
    const firstWritten = new Set<string>();
    let line = 0;
    for await (const text of this.lines()) {
      line += 1;
      const tab = text.indexOf('\t');
      const key = text.slice(0, tab);
      if (this.suspects.has(key)) {
        const rule = settled.get(key);
        if (this.keep === 'first') {
          if (firstWritten.has(key)) continue;
          firstWritten.add(key);
        } else if (this.keep === 'last') {
          if (rule !== line) continue;
        } else {
          continue; // merged rows are written below
        }
      }
      const end = typeof this.keep === 'object' ? text.lastIndexOf('\t') : text.length;
      out.write(`${text.slice(tab + 1, end)}\n`);
    }
    if (typeof this.keep === 'object') {
      for (const values of settled.values()) out.write(csvLine(values as FieldValue[]));
    }
    out.close();
    this.rows = out.lines - 1;
    await rm(this.pending.path, { force: true });
    return this.rows;
  }

  /** For each suspected key: its last line ('last'), or its rows merged in order (merge). */
  private async settle(): Promise<Map<string, FieldValue[] | number>> {
    const settled = new Map<string, FieldValue[] | number>();
    if (this.keep === 'first') return settled;
    const keep = this.keep;
    let line = 0;
    for await (const text of this.lines()) {
      line += 1;
      const tab = text.indexOf('\t');
      const key = text.slice(0, tab);
      if (!this.suspects.has(key)) continue;
      if (keep === 'last') {
        settled.set(key, line);
        continue;
      }
      const values = JSON.parse(text.slice(text.lastIndexOf('\t') + 1)) as FieldValue[];
      const kept = settled.get(key) as FieldValue[] | undefined;
      settled.set(key, kept ? keep.merge(kept, values) : values);
    }
    return settled;
  }

  private lines(): AsyncIterable<string> {
    return createInterface({ input: createReadStream(this.pending.path, 'utf8'), crlfDelay: Infinity });
  }
}
