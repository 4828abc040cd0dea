import type { Logger } from './logger.ts';
import type { Services } from './services.ts';

/** Fills an empty database with the demo scenario, so a new user sees a living chart at once. */
export async function seedDemoIfEmpty(services: Services, logger: Logger): Promise<void> {
  const [row] = await services.db.read<{ total: number }>('entities/count-entities');
  if ((row?.total ?? 0) > 0) {
    logger.info(`the database holds ${row?.total} entities; not seeding the demo`);
    return;
  }
  logger.info('the database is empty; the demo scenario is seeded once the scenario generator is in place');
}
