import type { Database } from './database.ts';

/**
 * Creates the constraints and indexes of cypher/schema/ (each `IF NOT EXISTS`, so applying
 * them again at every start changes nothing) and waits until the indexes are online.
 */
export async function applySchema(db: Database): Promise<void> {
  for (const name of db.registry.names('schema/')) {
    await db.write(name);
  }
  await db.runText('CALL db.awaitIndexes(300)');
}
