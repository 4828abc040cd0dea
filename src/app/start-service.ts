import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { resolveJwtSecret } from '../auth/local-secret.ts';
import { createTokenVerifier } from '../auth/verify-token.ts';
import type { Config } from '../config/load-config.ts';
import { applySchema } from '../db/apply-schema.ts';
import { Database } from '../db/database.ts';
import { LocalNeo4j } from '../db/local-neo4j/local-neo4j.ts';
import { LocalNeo4jSupervisor } from '../db/local-neo4j/supervise-local-neo4j.ts';
import { createGraphQLHandler } from '../graphql/create-yoga.ts';
import { pseudonymKey } from '../protection/pseudonym.ts';
import { createHttpServer } from '../server/create-http-server.ts';
import type { Logger } from './logger.ts';
import { createServices, type Services } from './services.ts';

export interface RunningService {
  url: string;
  services: Services;
  localNeo4j: LocalNeo4j | undefined;
  /** Stops taking requests, lets in-flight ones finish, closes the driver, stops the local Neo4j. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  // Before anything starts: a secret that cannot be read or written stops the service at once.
  const jwtSecret = resolveJwtSecret(config);
  let localNeo4j: LocalNeo4j | undefined;
  let uri = config.neo4j.uri;
  let boltPort = 0;
  if (!uri) {
    localNeo4j = new LocalNeo4j({
      dataDir: join(resolve(config.dataDir), 'neo4j'),
      password: config.neo4j.password,
      heap: config.neo4j.heap,
      pageCache: config.neo4j.pageCache,
      log: (line) => logger.info(line),
    });
    logger.info(`starting the local Neo4j in ${localNeo4j.dataDir}`);
    const ready = await localNeo4j.start();
    uri = ready.boltUri;
    boltPort = ready.port;
    logger.info(`local Neo4j ready at ${uri} (pid ${ready.pid})`);
  }

  let db: Database;
  try {
    db = await Database.connect({ ...config.neo4j, uri });
    await applySchema(db);
  } catch (error) {
    await localNeo4j?.stop();
    throw error;
  }
  const supervisor = localNeo4j
    ? new LocalNeo4jSupervisor(localNeo4j, db, boltPort, { log: (level, message) => logger[level](message) })
    : undefined;

  const services = createServices(db);
  const yoga = createGraphQLHandler({
    services,
    production: config.production,
    logger,
    security: {
      verifyToken: createTokenVerifier({ secret: jwtSecret, ...config.auth }),
      pseudonymKey: pseudonymKey(jwtSecret),
      rateLimit: config.rateLimit,
    },
  });
  const server = createHttpServer({
    graphql: yoga,
    db,
    databaseSupervised: () => supervisor?.healthy ?? true,
    maxBodyBytes: MAX_BODY_BYTES,
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      supervisor?.close();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeIdleConnections();
      });
      await db.close();
      await localNeo4j?.stop();
    })());
  return { url, services, localNeo4j, close };
}
