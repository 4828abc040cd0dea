import { describe, expect, it } from 'vitest';
import { CypherRegistry } from '../../../src/db/cypher-registry.ts';
import { cypherStatementNames } from '../../../src/db/generated/cypher-statements.ts';

describe('the generated Cypher statement names', () => {
  it('are exactly the statements under cypher/ (npm run codegen after adding, renaming or removing one)', () => {
    expect([...cypherStatementNames]).toEqual(CypherRegistry.load().names());
  });
});
