import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioOptionsInput, TruthRecord } from '../../seed/index.ts';
import { loadScenario, type LoadSummary } from '../../seed/load/load-scenario.ts';
import { applySchema } from '../db/apply-schema.ts';
import { Database } from '../db/database.ts';
import { LocalNeo4j } from '../db/local-neo4j/local-neo4j.ts';
import type { IngestBatchInput } from '../ingest/batch-types.ts';
import { createServices, type Services } from './services.ts';

const PASSWORD = 'ringwatch-evaluate';

/**
 * How long an evaluation waits for its Neo4j to start: NEO4J_START_TIMEOUT_SECONDS, 600 by default.
 * The service's two minutes suit a start on a quiet machine; evaluations run for many minutes beside
 * other work, where a start took longer than two minutes and lost the whole run. Ten minutes still
 * ends a JVM that hangs.
 */
export function evaluationStartTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.NEO4J_START_TIMEOUT_SECONDS;
  if (raw === undefined || raw === '') return 600_000;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 10 || seconds > 3_600) {
    throw new RangeError(`NEO4J_START_TIMEOUT_SECONDS must be a whole number of seconds from 10 to 3600, not "${raw}"`);
  }
  return seconds * 1_000;
}

export interface LoadedScenario {
  services: Services;
  load: LoadSummary;
}

/**
 * For evaluation commands: a fresh embedded Neo4j on a temporary store, a generated scenario
 * loaded through the service's own ingest (its truth records handed to `onTruth`), then the
 * work, then everything stopped and removed.
 */
export async function withScenarioDatabase<T>(
  scenario: ScenarioOptionsInput,
  onTruth: (record: TruthRecord) => void,
  work: (loaded: LoadedScenario) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ringwatch-evaluate-'));
  const neo4j = new LocalNeo4j({
    dataDir,
    password: PASSWORD,
    heap: '2g',
    pageCache: '1g',
    startTimeoutMs: evaluationStartTimeoutMs(),
  });
  try {
    const ready = await neo4j.start();
    const db = await Database.connect({ uri: ready.boltUri, user: 'neo4j', password: PASSWORD, database: 'neo4j' });
    try {
      await applySchema(db);
      const services = createServices(db);
      const load = await loadScenario(scenario, (batch) => services.ingest.ingest(batch as IngestBatchInput), {
        sinks: { onTruth },
      });
      return await work({ services, load });
    } finally {
      await db.close();
    }
  } finally {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
