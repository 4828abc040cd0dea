import { afterAll, beforeAll } from 'vitest';
import type { RunningService } from '../../src/app/start-service.ts';
import type { Database } from '../../src/db/database.ts';
import { connectTestDatabase } from './database.ts';
import { startTestService } from './service.ts';

export interface ServiceAndDatabase {
  /** The service on a free port (startTestService), for the requests. */
  readonly service: RunningService;
  /** A connection of the test's own to the same Neo4j, to look at what a request left in the store. */
  readonly db: Database;
}

/**
 * The service and a database connection for the tests of one file: started before them,
 * closed after them. Call it at the top of the file; read `service` and `db` in the tests.
 */
export function serviceAndDatabase(env: Record<string, string> = {}): ServiceAndDatabase {
  let service: RunningService | undefined;
  let db: Database | undefined;
  beforeAll(async () => {
    service = await startTestService(env);
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await service?.close();
    await db?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is read before beforeAll started it`);
    return value;
  };
  return {
    get service() {
      return started(service, 'the service');
    },
    get db() {
      return started(db, 'the database connection');
    },
  };
}
