import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** One CSV row by column name, as text. */
export type CsvRow = Record<string, string>;

export interface CsvTable {
  columns: string[];
  rows: CsvRow[];
}

const OPTIONS = { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true } as const;

/** Parses CSV text with a header row (RFC 4180 quoting, a byte-order mark allowed). */
export function parseCsv(text: string): CsvTable {
  let columns: string[] = [];
  const rows = parse(text, {
    ...OPTIONS,
    columns: (header: string[]) => (columns = header.map((name) => name.trim())),
  }) as CsvRow[];
  return { columns, rows };
}

/** Reads a whole CSV file; the exports this tool reads fit in memory (POLE's largest is 4 MB). */
export async function readCsvFile(path: string): Promise<CsvTable> {
  return parseCsv(await readFile(path, 'utf8'));
}

export function readCsvFileSync(path: string): CsvTable {
  return parseCsv(readFileSync(path, 'utf8'));
}
