import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureLauncherBuilt } from './launcher-build.ts';

export class OfflineImportError extends Error {
  override name = 'OfflineImportError';
}

export interface OfflineImportOptions {
  /** The embedded Neo4j's home (LocalNeo4j's dataDir): the database lands where the launcher opens it. */
  home: string;
  /** Where the importer's neo4j.conf and its report go (not inside the store). */
  workDir: string;
  /** The importer's arguments after `full` (src/import/bulk/importer-command.ts). */
  args: readonly string[];
  heap?: string;
  /** Off-heap memory the importer may take; its default is most of the machine's free memory. */
  offHeap?: string;
  /** Each line the importer prints (its stages and progress). */
  onLine?: (line: string) => void;
}

/**
 * Runs Neo4j's offline importer (`neo4j-admin database import full`, from the launcher's jar:
 * org.ringwatch.launcher.BulkImport) into the embedded store. The store must not be open: the
 * importer takes the database's lock and refuses otherwise.
 */
export async function runOfflineImport(options: OfflineImportOptions): Promise<void> {
  const { jar } = ensureLauncherBuilt(options.onLine ? { log: options.onLine } : {});
  const confDir = join(options.workDir, 'conf');
  await mkdir(confDir, { recursive: true });
  await writeFile(
    join(confDir, 'neo4j.conf'),
    "# settings of the offline import (the store's own are the launcher's)\n",
  );
  const javaHome = process.env['JAVA_HOME'];
  const java = javaHome ? join(javaHome, 'bin', 'java') : 'java';
  const heap = options.heap ?? '2g';
  const args = [...options.args, `--report-file=${join(options.workDir, 'import.report')}`];
  if (options.offHeap) args.push(`--max-off-heap-memory=${options.offHeap}`);
  const child = spawn(
    java,
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-cp',
      jar,
      'org.ringwatch.launcher.BulkImport',
      ...args,
    ],
    {
      env: { ...process.env, NEO4J_LAUNCHER_DATA_DIR: options.home, NEO4J_LAUNCHER_CONF_DIR: confDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const tail: string[] = [];
  const follow = (stream: NodeJS.ReadableStream) =>
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      options.onLine?.(line);
    });
  follow(child.stdout);
  follow(child.stderr);
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', (error) =>
      fail(new OfflineImportError(`cannot run Java (${error.message}); install Java 17 or set JAVA_HOME`)),
    );
    child.once('close', (exitCode) => done(exitCode));
  });
  if (code !== 0) {
    throw new OfflineImportError(`Neo4j's importer failed (exit code ${code}):\n${tail.join('\n')}`);
  }
}
