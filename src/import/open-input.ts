import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

export type InputKind = 'batches-json' | 'batches-ndjson' | 'csv';

export interface OpenedInput {
  kind: InputKind;
  /** For CSV: the folder that holds the files (a zip is unpacked into a temporary one). */
  dir: string;
  /** For CSV: the CSV files found, by name relative to dir; for batches: the one file. */
  files: string[];
  /** Removes what was unpacked. */
  close(): Promise<void>;
}

export class ImportInputError extends Error {
  override name = 'ImportInputError';
}

const run = promisify(execFile);

/**
 * What the import command was given: a batch file (.json, .ndjson, .jsonl), one CSV file,
 * a folder of CSV files, or a zip of them, unpacked with the system's `unzip`.
 */
export async function openInput(path: string): Promise<OpenedInput> {
  const full = resolve(path);
  const info = await stat(full).catch(() => {
    throw new ImportInputError(`${path}: no such file or folder`);
  });
  const nothing = async () => undefined;
  if (info.isDirectory()) return { kind: 'csv', dir: full, files: await csvFilesIn(full), close: nothing };
  const extension = extname(full).toLowerCase();
  if (extension === '.zip') {
    const dir = await mkdtemp(join(tmpdir(), 'ringwatch-import-'));
    try {
      await run('unzip', ['-o', '-q', full, '-d', dir]);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the unzip command is not installed' : '';
      throw new ImportInputError(`${path}: cannot unzip ${reason || (error as Error).message}`);
    }
    return { kind: 'csv', dir, files: await csvFilesIn(dir), close: () => rm(dir, { recursive: true, force: true }) };
  }
  if (extension === '.csv') return { kind: 'csv', dir: dirname(full), files: [basename(full)], close: nothing };
  if (extension === '.ndjson' || extension === '.jsonl') {
    return { kind: 'batches-ndjson', dir: dirname(full), files: [full], close: nothing };
  }
  if (extension === '.json') return { kind: 'batches-json', dir: dirname(full), files: [full], close: nothing };
  throw new ImportInputError(`${path}: expected a .json, .ndjson, .jsonl, .csv or .zip file, or a folder`);
}

/** CSV files in a folder and its subfolders (zips often hold one top folder). */
async function csvFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.csv'))
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
