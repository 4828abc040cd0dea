import { createLogger } from './app/logger.ts';
import { startService } from './app/start-service.ts';
import { ConfigError, loadConfig } from './config/load-config.ts';
import { DatabaseAuthError, DatabaseUnavailableError } from './db/errors.ts';
import { LocalNeo4jStartError } from './db/local-neo4j/local-neo4j.ts';
import { seedDemoIfEmpty } from './app/seed-demo.ts';

/** Errors a person can act on get one line naming the cause, not a stack trace. */
function explain(error: unknown): string | undefined {
  if (error instanceof ConfigError || error instanceof LocalNeo4jStartError) return error.message;
  if (error instanceof DatabaseAuthError) return 'Neo4j refused the credentials: check NEO4J_USER and NEO4J_PASSWORD';
  if (error instanceof DatabaseUnavailableError)
    return 'cannot reach Neo4j at NEO4J_URI: check the address and that it runs';
  if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') return 'PORT is already in use: choose another PORT';
  return undefined;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const service = await startService(config, logger);
  logger.info(`serving GraphQL at ${service.url}/graphql`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing requests in flight, then stopping`);
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  if (config.seedDemo) await seedDemoIfEmpty(service.services, logger);
}

main().catch((error: unknown) => {
  const reason = explain(error);
  if (reason) console.error(`ringwatch: ${reason}`);
  else console.error('ringwatch: failed to start:', error);
  process.exit(1);
});
