import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { CypherRegistry } from '../../src/db/cypher-registry.ts';
import { connectTestDatabase } from '../support/database.ts';

const registry = CypherRegistry.load();
// Schema commands cannot be EXPLAINed; they run at every start and in beforeAll instead.
const statements = registry.names().filter((name) => !name.startsWith('schema/'));

describe('every Cypher statement', () => {
  let db: Database;
  beforeAll(async () => {
    db = await connectTestDatabase();
  });
  afterAll(() => db?.close());

  it('finds statements to check', () => {
    expect(statements.length).toBeGreaterThan(10);
  });

  it.each(statements)('%s compiles (EXPLAIN)', async (name) => {
    await expect(db.runText(`EXPLAIN ${registry.get(name)}`)).resolves.toBeDefined();
  });
});
