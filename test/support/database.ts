import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { applySchema } from '../../src/db/apply-schema.ts';
import { Database } from '../../src/db/database.ts';

/** A connection to the run's Neo4j, with the project's schema applied. */
export async function connectTestDatabase(): Promise<Database> {
  const db = await Database.connect({
    uri: inject('neo4jUri'),
    user: 'neo4j',
    password: inject('neo4jPassword'),
    database: 'neo4j',
  });
  await applySchema(db);
  return db;
}

/** A source name no other test uses, so tests sharing the database never see each other's records. */
export function uniqueSource(prefix = 'test'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

let phoneCounter = Math.floor(Math.random() * 1_000_000);

/** A valid Vietnamese mobile number that no other test of this run uses. */
export function uniquePhone(): string {
  phoneCounter = (phoneCounter + 7919) % 10_000_000;
  return `+8491${String(phoneCounter).padStart(7, '0')}`;
}
