import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../src/audit/audit-trail.ts';
import type { AuditEntry } from '../../src/audit/audit-event.ts';
import { verifyChain } from '../../src/audit/verify-chain.ts';
import type { Database } from '../../src/db/database.ts';
import { IngestService } from '../../src/ingest/ingest-batch.ts';
import { connectTestDatabase, uniqueSource } from '../support/database.ts';
import { expectEachRecordOnce, overlappingBatches } from '../support/overlapping-batches.ts';

// Each connection stands for a service instance: its own driver, its own IngestService (whose
// queue serialises writes within one process only) and its own AuditTrail (whose head is kept
// per process). Only the database is shared, as between processes behind a load balancer.
const INSTANCES = 3;
let connections: Database[] = [];
beforeAll(async () => {
  connections = await Promise.all(Array.from({ length: INSTANCES }, () => connectTestDatabase()));
});
afterAll(async () => {
  await Promise.all(connections.map((db) => db.close()));
});

describe('several instances on one database', () => {
  it('commit every record of overlapping concurrent batches once, none failed by deadlocks', async () => {
    const source = uniqueSource('instances');
    const batches = overlappingBatches({
      source,
      instances: INSTANCES,
      batchesPerInstance: 4,
      ownPeople: 200,
      sharedPeople: 100,
      sharedPhones: 12,
    });
    const services = connections.map((db) => new IngestService(db));
    const reports = await Promise.all(
      services.map((service, i) => Promise.all(batches.perInstance[i]!.map((batch) => service.ingest(batch)))),
    );
    for (const report of reports.flat()) {
      expect(report.rejected).toBe(0);
      expect(report.replayed).toBe(false);
    }
    await expectEachRecordOnce(connections[0]!, source, batches);
    const retried = connections.reduce((sum, db) => sum + db.retriedAttempts, 0);
    console.info(`ingest from ${INSTANCES} instances: ${retried} attempts run again after a transient failure`);
  }, 300_000);

  it('keep one unbroken audit chain while appending at once', async () => {
    const trails = connections.map((db) => new AuditTrail(db));
    const entry = (i: number, k: number): AuditEntry => ({
      at: new Date().toISOString(),
      actor: `instance-${i}`,
      agency: 'police',
      roles: ['investigator'],
      operation: `query Read${k}`,
      rootFields: ['entity'],
      entityIds: [],
      purpose: 'concurrency test',
      outcome: 'ALLOWED',
      reason: null,
    });
    const appended = await Promise.all(
      trails.flatMap((trail, i) => Array.from({ length: 60 }, (_, k) => trail.append(entry(i, k)))),
    );
    const seqs = appended.map((event) => event.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const verdict = await verifyChain(new AuditTrail(connections[0]!));
    expect(verdict).toMatchObject({ ok: true });
  });
});
