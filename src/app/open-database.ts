import { join, resolve } from 'node:path';
import { LOCAL_NEO4J_DEFAULT_PASSWORD, type Config } from '../config/load-config.ts';
import { applySchema } from '../db/apply-schema.ts';
import { Database } from '../db/database.ts';
import { LocalNeo4j } from '../db/local-neo4j/local-neo4j.ts';

export interface OpenDatabase {
  db: Database;
  /** The embedded Neo4j this process started, when NEO4J_URI is unset. */
  local: LocalNeo4j | undefined;
  /** Its Bolt port, so a restart can take the same one. */
  boltPort: number;
  close(): Promise<void>;
}

/**
 * The database of the service or of a command-line tool: NEO4J_URI when set, otherwise the
 * embedded Neo4j under DATA_DIR, started here (one store, one process: a command needs the
 * service stopped). The schema is applied either way.
 */
export async function openDatabase(
  config: Config,
  log: (line: string) => void = () => undefined,
  memory: { heap?: string; pageCache?: string } = {},
): Promise<OpenDatabase> {
  let local: LocalNeo4j | undefined;
  let uri = config.neo4j.uri;
  let boltPort = 0;
  if (!uri) {
    local = new LocalNeo4j({
      dataDir: join(resolve(config.dataDir), 'neo4j'),
      password: config.neo4j.password,
      heap: memory.heap ?? config.neo4j.heap,
      pageCache: memory.pageCache ?? config.neo4j.pageCache,
      startTimeoutMs: config.neo4j.startTimeoutMs,
      log,
    });
    log(`starting the local Neo4j in ${local.dataDir}`);
    const ready = await local.start(config.neo4j.boltPort);
    uri = ready.boltUri;
    boltPort = ready.port;
    log(`local Neo4j ready at ${uri} (pid ${ready.pid})`);
    // What a second instance on this database needs; the default password only, never one that was set.
    const password =
      config.neo4j.password === LOCAL_NEO4J_DEFAULT_PASSWORD ? LOCAL_NEO4J_DEFAULT_PASSWORD : '<NEO4J_PASSWORD>';
    log(
      `a second instance on this database: NEO4J_URI=${uri} NEO4J_PASSWORD=${password} PORT=<another port> npm start` +
        ' (from this folder, so it shares DATA_DIR/auth-secret; the port holds while this one runs, NEO4J_BOLT_PORT fixes it)',
    );
  }
  try {
    const db = await Database.connect({ ...config.neo4j, uri });
    await applySchema(db);
    return {
      db,
      local,
      boltPort,
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
