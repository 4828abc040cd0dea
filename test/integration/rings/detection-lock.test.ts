import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import type { Database } from '../../../src/db/database.ts';
import { LeaseLock, type Lease } from '../../../src/db/lease-lock.ts';
import { DetectionInProgressError, RingDetectionService } from '../../../src/rings/ring-detection-service.ts';
import { connectTestDatabase } from '../../support/database.ts';
import { graphql, startTestService } from '../../support/service.ts';

// Two connections stand for two service instances: each has its own driver and its own
// RingDetectionService, as two processes would; only the database is shared.
let first: Database;
let second: Database;
beforeAll(async () => {
  [first, second] = await Promise.all([connectTestDatabase(), connectTestDatabase()]);
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

const lockName = () => `test-lock-${randomUUID().slice(0, 8)}`;

describe('the lease lock in the database', () => {
  it('goes to exactly one of many instances asking at once, and to the next once released', async () => {
    const name = lockName();
    for (let round = 0; round < 5; round++) {
      const contenders = Array.from(
        { length: 12 },
        (_, i) => new LeaseLock(i % 2 ? first : second, name, { leaseMs: 10_000, holder: `instance-${i}` }),
      );
      const leases = (await Promise.all(contenders.map((lock) => lock.tryAcquire()))).filter(
        (lease): lease is Lease => lease !== undefined,
      );
      expect(leases).toHaveLength(1);
      const holder = await contenders[0]!.current();
      expect(holder?.holder).toMatch(/^instance-\d+$/);
      await leases[0]!.release();
      expect(await contenders[0]!.current()).toBeUndefined();
    }
  });

  it('is renewed while held, so it outlives its lease', async () => {
    const name = lockName();
    const lease = await new LeaseLock(first, name, { leaseMs: 1_000 }).tryAcquire();
    expect(lease).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await new LeaseLock(second, name, { leaseMs: 1_000 }).tryAcquire()).toBeUndefined();
    expect(lease!.lost).toBe(false);
    await lease!.release();
  });

  it('is free again once the lease of a holder that stopped renewing (died) has run out', async () => {
    const name = lockName();
    // A holder that took the lock and then died: its lease is in the database, nobody renews it.
    await first.write('locks/acquire-lock', { name, token: 'dead-holder', holder: 'dead', leaseMs: 1_500 });
    const other = new LeaseLock(second, name, { leaseMs: 1_500 });
    expect(await other.tryAcquire()).toBeUndefined();
    expect((await other.current())?.holder).toBe('dead');
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    const lease = await other.tryAcquire();
    expect(lease).toBeDefined();
    await lease!.release();
  });

  it('tells a holder that lost it, and that holder frees nothing when it releases', async () => {
    const name = lockName();
    let told = 0;
    const lease = await new LeaseLock(first, name, { leaseMs: 1_000, onLost: () => (told += 1) }).tryAcquire();
    // What a takeover after a run-out lease leaves behind: another holder's token.
    await first.runText(
      'MATCH (l:Lock {name: $name}) SET l.token = $token, l.holder = $holder, l.expiresAt = timestamp() + 60000',
      {
        name,
        token: 'taken-over',
        holder: 'other',
      },
      'WRITE',
    );
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(lease!.lost).toBe(true);
    expect(told).toBe(1);
    await lease!.release();
    const [row] = await first.read<{ token: string }>('locks/read-lock', { name });
    expect(row).toBeDefined();
    const held = await new LeaseLock(second, name, { leaseMs: 1_000 }).current();
    expect(held?.holder).toBe('other');
  });
});

describe('one ring detection at a time', () => {
  it('across two instances on one database: the second gets DetectionInProgressError and detects after', async () => {
    const a = new RingDetectionService(first, { instanceId: 'instance-a' });
    const b = new RingDetectionService(second, { instanceId: 'instance-b' });
    const outcomes = await Promise.allSettled([a.detect({ seed: 7 }), b.detect({ seed: 7 })]);
    const failed = outcomes.filter((o) => o.status === 'rejected');
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0] as PromiseRejectedResult).reason).toBeInstanceOf(DetectionInProgressError);
    // The lock was released with the run: either instance may detect now.
    await expect(b.detect({ seed: 7 })).resolves.toMatchObject({ id: expect.any(String) });
  }, 300_000);

  it('in one instance: a second detect fails as a rejected promise, not a throw', async () => {
    const service = new RingDetectionService(first);
    const running = service.detect({ seed: 7 });
    let second: Promise<unknown> | undefined;
    expect(() => (second = service.detect({ seed: 7 }))).not.toThrow();
    await expect(second).rejects.toBeInstanceOf(DetectionInProgressError);
    await running;
  }, 300_000);
});

describe('detectRings twice at once over the API', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service?.close());

  it('answers one of them DETECTION_IN_PROGRESS', async () => {
    const detect = 'mutation { detectRings(options: { seed: 7 }) { id } }';
    const answers = await Promise.all([graphql(service.url, detect), graphql(service.url, detect)]);
    const codes = answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['DETECTION_IN_PROGRESS', 'OK']);
  }, 300_000);
});
