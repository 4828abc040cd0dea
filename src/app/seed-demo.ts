import { loadScenario } from '../../seed/load/load-scenario.ts';
import type { IngestBatchInput } from '../ingest/batch-types.ts';
import type { Logger } from './logger.ts';
import type { Services } from './services.ts';

/** The demo city: about 2,000 people with 8 planted rings (seed/README.md). */
export const DEMO_SCENARIO = { preset: 'demo', seed: 42 } as const;

/**
 * Fills an empty database with the demo scenario through the service's own ingest, so a
 * new user sees a living link chart at once. A database that holds anything is left alone.
 */
export async function seedDemoIfEmpty(services: Services, logger: Logger): Promise<void> {
  const [row] = await services.db.read<{ total: number }>('entities/count-entities');
  if ((row?.total ?? 0) > 0) {
    logger.info(`the database holds ${row?.total} entities; not seeding the demo`);
    return;
  }
  logger.info('the database is empty: seeding the demo scenario (SEED_DEMO=false starts empty)');
  let lastLogged = 0;
  const summary = await loadScenario(DEMO_SCENARIO, (batch) => services.ingest.ingest(batch as IngestBatchInput), {
    onProgress: ({ records, estimatedTotal }) => {
      if (records - lastLogged < 5_000) return;
      lastLogged = records;
      logger.info(`demo seeding: ${records} of about ${estimatedTotal} records`);
    },
  });
  logger.info(
    `demo seeded: ${summary.accepted} records in ${summary.batches} batches, ${summary.seconds.toFixed(1)} s` +
      (summary.rejected ? `; ${summary.rejected} rejected, first: ${summary.firstErrors[0]}` : ''),
  );
}
