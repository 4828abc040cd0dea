import { describe, expect, it } from 'vitest';
import { CypherRegistry } from '../../../src/db/cypher-registry.ts';

// Entity ids are unique under the constraint on (:Entity {id}); no label of its own (Person,
// Phone, BorderCrossing...) has an index on id, so `(:Person {id: $x})` scans every person. The
// alert evaluator's steps ran for minutes on such lookups.
const LOOKUP_BY_ID_ON_A_SUBLABEL =
  /\(\s*\w*\s*:\s*(?!Entity\b)(Person|Phone|Broker|Case|BorderCrossing|Checkpoint)\s*\{\s*id\s*:/;

describe('the Cypher statements', () => {
  it('look entities up by id through the Entity label, whose unique index answers it', () => {
    const registry = CypherRegistry.load();
    const offending = registry.names().filter((name) => LOOKUP_BY_ID_ON_A_SUBLABEL.test(registry.get(name)));
    expect(offending).toEqual([]);
  });
});
