import type { Database } from './database.ts';
import { DatabaseError } from './errors.ts';

/**
 * Creates the constraints and indexes of cypher/schema/ (each `IF NOT EXISTS`, so applying
 * them again at every start changes nothing) and waits until the indexes are online.
 */
export async function applySchema(db: Database, options: { awaitIndexesSeconds?: number } = {}): Promise<void> {
  for (const name of db.registry.names('schema/')) {
    try {
      await db.write(name);
    } catch (error) {
      // Two instances starting at once on a new database: IF NOT EXISTS is checked before the
      // other's CREATE commits, and Neo4j then refuses the second as already existing. It exists.
      if (!(
        error instanceof DatabaseError && error.code === 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists'
      ))
        throw error;
    }
  }
  // A store loaded in bulk builds every index here over millions of nodes: its loader waits longer.
  await db.runText('CALL db.awaitIndexes($seconds)', { seconds: options.awaitIndexesSeconds ?? 300 });
}
