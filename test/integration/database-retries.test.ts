import { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { DatabaseError } from '../../src/db/errors.ts';
import { connectTestDatabase } from '../support/database.ts';

let db: Database;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(() => db?.close());

const deadlock = () =>
  new Neo4jError(
    'ForsetiClient can not acquire ExclusiveLock: deadlock',
    'Neo.TransientError.Transaction.DeadlockDetected',
    'N/A',
    'TRANSIENT_ERROR',
  );

describe('transactions that lose to other writers', () => {
  it('are retried past the driver window when a long transaction deadlocks twice', async () => {
    // A batch that runs 1.5 s and is chosen as the deadlock victim twice: the driver retries
    // only within 2 s of the first failure, so its second failure (at about 4 s) was final.
    let attempts = 0;
    const rows = await db.writeTransaction(async (tx) => {
      attempts += 1;
      const answer = await tx.run<{ one: number }>('locks/read-lock', { name: 'no-such-lock' });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      if (attempts <= 2) throw deadlock();
      return answer;
    });
    expect(rows).toEqual([]);
    expect(attempts).toBe(3);
  }, 60_000);

  it('are not retried for errors that are not transient', async () => {
    let attempts = 0;
    const failing = db.writeTransaction(async () => {
      attempts += 1;
      throw new Neo4jError('syntax', 'Neo.ClientError.Statement.SyntaxError', 'N/A', 'CLIENT_ERROR');
    });
    await expect(failing).rejects.toBeInstanceOf(DatabaseError);
    expect(attempts).toBe(1);
  });
});
