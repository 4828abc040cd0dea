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
  const neo4j = new LocalNeo4j({ dataDir, password: PASSWORD, heap: '2g', pageCache: '1g' });
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
