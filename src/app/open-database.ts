import { join, resolve } from 'node:path';
import type { Config } from '../config/load-config.ts';
import { applySchema } from '../db/apply-schema.ts';
import { Database } from '../db/database.ts';
import { LocalNeo4j } from '../db/local-neo4j/local-neo4j.ts';

export interface OpenDatabase {
  db: Database;
  close(): Promise<void>;
}

/**
 * The database a command-line tool works on: NEO4J_URI when set, otherwise the embedded
 * Neo4j under DATA_DIR, started for the command (stop the service first: one store, one
 * process). No supervision: a command fails and is run again.
 */
export async function openDatabase(
  config: Config,
  log: (line: string) => void = () => undefined,
): Promise<OpenDatabase> {
  let local: LocalNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    local = new LocalNeo4j({
      dataDir: join(resolve(config.dataDir), 'neo4j'),
      password: config.neo4j.password,
      heap: config.neo4j.heap,
      pageCache: config.neo4j.pageCache,
      log,
    });
    log(`starting the local Neo4j in ${local.dataDir}`);
    uri = (await local.start()).boltUri;
  }
  try {
    const db = await Database.connect({ ...config.neo4j, uri });
    await applySchema(db);
    return {
      db,
      close: async () => {
        await db.close();
        await local?.stop();
      },
    };
  } catch (error) {
    await local?.stop();
    throw error;
  }
}
