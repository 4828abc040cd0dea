import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEarlyWarning, type EarlyWarning } from './early-warning.ts';
import { FeedRetention } from '../changes/feed-retention.ts';
import { resolveJwtSecret } from '../auth/local-secret.ts';
import { createTokenVerifier } from '../auth/verify-token.ts';
import type { Config } from '../config/load-config.ts';
import type { LocalNeo4j } from '../db/local-neo4j/local-neo4j.ts';
import { LocalNeo4jSupervisor } from '../db/local-neo4j/supervise-local-neo4j.ts';
import { createGraphQLHandler } from '../graphql/create-yoga.ts';
import { sharedLayoutThreads } from '../linkchart/layout-thread/layout-thread.ts';
import { pseudonymKey } from '../protection/pseudonym.ts';
import { createHttpServer } from '../server/create-http-server.ts';
import type { Logger } from './logger.ts';
import { openDatabase } from './open-database.ts';
import { createServices, type Services } from './services.ts';

export interface RunningService {
  url: string;
  services: Services;
  localNeo4j: LocalNeo4j | undefined;
  earlyWarning: EarlyWarning;
  /** Stops taking requests, lets in-flight ones finish, closes the driver, stops the local Neo4j. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** How long requests in flight get to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 60_000;

export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  // Before anything starts: a secret that cannot be read or written stops the service at once.
  const jwtSecret = resolveJwtSecret(config);
  const { db, local: localNeo4j, boltPort } = await openDatabase(config, (line) => logger.info(line));
  const supervisor = localNeo4j
    ? new LocalNeo4jSupervisor(localNeo4j, db, boltPort, { log: (level, message) => logger[level](message) })
    : undefined;

  const services = createServices(db, {
    sourceAgencies: config.sourceAgencies,
    rings: {
      leaseMs: config.detectionLeaseMs,
      fullReadShare: config.detectionFullReadShare,
      log: (level, message) => logger[level](message),
    },
  });
  const earlyWarning = await startEarlyWarning(services, config.alerts, pseudonymKey(jwtSecret), logger);
  // Every instance prunes the change feed now and then; they take turns on the pruner's lock.
  const retention = new FeedRetention(db, config.changeFeed, (error) =>
    logger.error({ err: error }, 'change feed: pruning failed; retrying'),
  );
  retention.start();
  // The first ForceAtlas2 chart should not wait for its thread to load (src/linkchart/layout-thread/).
  sharedLayoutThreads().warmUp();
  const yoga = createGraphQLHandler({
    services,
    production: config.production,
    logger,
    security: {
      verifyToken: createTokenVerifier({ secret: jwtSecret, ...config.auth }),
      pseudonymKey: pseudonymKey(jwtSecret),
      rateLimit: config.rateLimit,
      work: config.work,
      corsOrigins: config.corsOrigins,
    },
  });
  const server = createHttpServer({
    // Yoga answers its own failures (a 500 with a masked error), so nothing is left to await here.
    graphql: (req, res) => void yoga(req, res),
    db,
    databaseSupervised: () => supervisor?.healthy ?? true,
    maxBodyBytes: MAX_BODY_BYTES,
    page: { mapTileUrl: config.mapTileUrl },
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;

  let closing: Promise<void> | undefined;
  // Once closing, a keep-alive connection gets its current answer and is then closed, so
  // clients that keep sending cannot hold the shutdown open; after the grace period the
  // remaining connections are cut.
  // Subscriptions (Server-Sent Events) stay open until the client leaves: they are cut at
  // shutdown, and their clients connect again (to this instance restarted, or another).
  const streams = new Set<ServerResponse>();
  server.on('request', (req, res) => {
    if (closing) res.shouldKeepAlive = false;
    if (String(req.headers.accept ?? '').includes('text/event-stream')) {
      streams.add(res);
      res.on('close', () => streams.delete(res));
    }
  });
  const close = () =>
    (closing ??= (async () => {
      supervisor?.close();
      await Promise.all([earlyWarning.stop(), retention.stop()]);
      for (const stream of streams) stream.destroy();
      await new Promise<void>((done) => {
        const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          done();
        });
        server.closeIdleConnections();
      });
      await services.rings.close();
      await db.close();
      await localNeo4j?.stop();
    })());
  return { url, services, localNeo4j, earlyWarning, close };
}
