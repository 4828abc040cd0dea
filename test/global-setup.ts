import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { LocalNeo4j } from '../src/db/local-neo4j/local-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jPassword: string;
  }
}

const PASSWORD = 'ringwatch-test';

interface SharedNeo4j {
  uri: Promise<string>;
  users: number;
  stop: () => Promise<void>;
}

// Vitest calls a global setup once per project; the integration and e2e projects share
// one database through this process-wide handle, stopped when the last one tears down.
const holder = globalThis as typeof globalThis & { ringwatchTestNeo4j?: SharedNeo4j };

function startShared(): SharedNeo4j {
  const dataDir = mkdtempSync(join(tmpdir(), 'ringwatch-test-neo4j-'));
  const neo4j = new LocalNeo4j({ dataDir, password: PASSWORD, heap: '1g', pageCache: '512m' });
  return {
    uri: neo4j.start().then((ready) => ready.boltUri),
    users: 0,
    stop: async () => {
      await neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One local Neo4j for the whole test run, on a temporary store that is removed afterwards.
 * With NEO4J_URI set, the tests run against that server instead and nothing starts here.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env['NEO4J_URI']) {
    project.provide('neo4jUri', process.env['NEO4J_URI']);
    project.provide('neo4jPassword', process.env['NEO4J_PASSWORD'] ?? PASSWORD);
    return async () => undefined;
  }
  const shared = (holder.ringwatchTestNeo4j ??= startShared());
  shared.users += 1;
  project.provide('neo4jUri', await shared.uri);
  project.provide('neo4jPassword', PASSWORD);
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      delete holder.ringwatchTestNeo4j;
      await shared.stop();
    }
  };
}
