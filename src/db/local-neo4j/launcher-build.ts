import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const launcherDir = fileURLToPath(new URL('../../../neo4j-launcher/', import.meta.url));
export const launcherJar = join(launcherDir, 'target', 'neo4j-launcher.jar');
const stampFile = join(launcherDir, 'target', '.source-hash');

/** A hash of everything the jar is built from, so an edit to the launcher triggers a rebuild. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const files = [join(launcherDir, 'pom.xml'), ...listFiles(join(launcherDir, 'src'))].sort();
  for (const file of files) {
    hash.update(relative(launcherDir, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

export interface LauncherBuildResult {
  jar: string;
  built: boolean;
}

/**
 * Builds the launcher with Maven when the jar is missing or older than its sources. The
 * first build downloads Neo4j from Maven Central into the local Maven repository; later
 * builds and starts need no network.
 */
export function ensureLauncherBuilt(options: { log?: (line: string) => void } = {}): LauncherBuildResult {
  const wanted = sourceHash();
  if (existsSync(launcherJar) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) {
    return { jar: launcherJar, built: false };
  }
  options.log?.('neo4j-launcher: building with Maven (the first build downloads Neo4j, about 150 MB)');
  try {
    execFileSync('mvn', ['-B', '-q', '-Dstyle.color=never', 'package'], {
      cwd: launcherDir,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'mvn is not installed' : 'Maven build failed';
    throw new Error(`${reason}; the embedded Neo4j needs Java 17 and Maven (or set NEO4J_URI to a running Neo4j)`, {
      cause: error,
    });
  }
  writeFileSync(stampFile, wanted);
  return { jar: launcherJar, built: true };
}
