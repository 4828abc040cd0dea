import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuditTrail } from '../../src/audit/audit-trail.ts';
import { verifyChain } from '../../src/audit/verify-chain.ts';
import type { Database } from '../../src/db/database.ts';
import type { IngestReport } from '../../src/ingest/batch-types.ts';
import { DETECTION_LOCK } from '../../src/rings/ring-detection-service.ts';
import { connectTestDatabase, uniqueSource } from '../support/database.ts';
import { expectEachRecordOnce, overlappingBatches } from '../support/overlapping-batches.ts';
import { ServiceProcess, freePort, healthStatus, isAlive, waitFor } from '../support/service-process.ts';
import { INGEST, TEST_JWT_SECRET, graphql } from '../support/service.ts';

// Two service processes on the run's Neo4j, as behind a load balancer: their own drivers, their
// own in-process queues, audit heads and detection state; only the database is shared.
const LEASE_SECONDS = 6;

interface Instance {
  process: ServiceProcess;
  url: string;
}

let dataDir: string;
let db: Database;
let a: Instance;
let b: Instance;

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  const process = new ServiceProcess({
    PORT: String(port),
    DATA_DIR: dataDir,
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    SEED_DEMO: 'false',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    DETECTION_LEASE_SECONDS: String(LEASE_SECONDS),
    RATE_LIMIT_PER_SECOND: '10000',
    RATE_LIMIT_BURST: '10000',
  });
  await waitFor(async () => (await healthStatus(port)) === 200, 120_000, `the instance on ${port} to answer 200`);
  return { process, url: `http://127.0.0.1:${port}` };
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.process.child.exitCode !== null || instance.process.child.signalCode !== null) return;
  instance.process.child.kill('SIGTERM');
  await instance.process.exited;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ringwatch-instances-'));
  db = await connectTestDatabase();
  [a, b] = await Promise.all([startInstance(), startInstance()]);
});
afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const DETECT = 'mutation { detectRings(options: { seed: 7 }) { id } }';
const code = (answer: { errors?: { extensions?: { code?: string } }[] }) =>
  answer.errors?.[0]?.extensions?.code ?? 'OK';

describe('two service instances on one Neo4j', () => {
  it('commit overlapping batches sent through both at once exactly once, and the audit chain verifies', async () => {
    const source = uniqueSource('two-instances');
    const batches = overlappingBatches({
      source,
      instances: 2,
      batchesPerInstance: 4,
      ownPeople: 300,
      sharedPeople: 150,
      sharedPhones: 10,
    });
    const answers = await Promise.all(
      [a, b].map((instance, i) =>
        // Two clients per instance, so each instance also has a batch queued behind its own.
        Promise.all(
          batches.perInstance[i]!.map((batch) => graphql<{ ingest: IngestReport }>(instance.url, INGEST, { batch })),
        ),
      ),
    );
    for (const answer of answers.flat()) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.ingest.rejected).toBe(0);
    }
    await expectEachRecordOnce(db, source, batches);
    // Every request of both instances left one record in one chain.
    expect(await verifyChain(new AuditTrail(db))).toMatchObject({ ok: true });
  });

  it('read at once through one instance what a client has just written through the other', async () => {
    const source = uniqueSource('read-your-write');
    const query = `query($ref: EntityRefInput!) { entity(ref: $ref) { id ... on Person { fullName } } }`;
    for (let i = 0; i < 10; i++) {
      const [from, to] = i % 2 ? [b, a] : [a, b];
      const written = await graphql<{ ingest: IngestReport }>(from.url, INGEST, {
        batch: { source, people: [{ externalId: `p${i}`, fullName: `Lê Văn ${i}` }] },
      });
      expect(written.errors).toBeUndefined();
      const read = await graphql<{ entity: { fullName: string } | null }>(to.url, query, {
        ref: { kind: 'PERSON', source, externalId: `p${i}` },
      });
      expect(read.errors).toBeUndefined();
      expect(read.data!.entity?.fullName).toBe(`Lê Văn ${i}`);
    }
  });

  it('run one detectRings at a time: of one on each at once, one answers DETECTION_IN_PROGRESS', async () => {
    const answers = await Promise.all([graphql(a.url, DETECT), graphql(b.url, DETECT)]);
    expect(answers.map(code).sort()).toEqual(['DETECTION_IN_PROGRESS', 'OK']);
  });

  it('free the detection lock of an instance killed while detecting, within the lease', async () => {
    const pid = a.process.child.pid!;
    const holder = async () => {
      const [row] = await db.read<{ holder: string | null }>('locks/read-lock', { name: DETECTION_LOCK });
      return row?.holder ?? null;
    };
    void graphql(a.url, DETECT).catch(() => undefined);
    await waitFor(async () => (await holder())?.includes(`/${pid}/`) ?? false, 30_000, 'instance A to hold the lock');
    a.process.child.kill('SIGKILL');
    await a.process.exited;
    expect(isAlive(pid)).toBe(false);
    const killedAt = Date.now();
    // The lease is the dead instance's still: the other instance refuses at once ...
    expect(code(await graphql(b.url, DETECT))).toBe('DETECTION_IN_PROGRESS');
    // ... and detects once it has run out, with no one releasing it by hand.
    let answer = 'DETECTION_IN_PROGRESS';
    let askedAt = killedAt;
    while (answer === 'DETECTION_IN_PROGRESS' && Date.now() - killedAt < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      askedAt = Date.now();
      answer = code(await graphql(b.url, DETECT));
    }
    expect(answer).toBe('OK');
    console.info(`detection lock of a killed instance taken over ${askedAt - killedAt} ms after the kill`);
    // The dead instance renewed its lease at most a third of a lease before it died.
    expect(askedAt - killedAt).toBeLessThanOrEqual(LEASE_SECONDS * 1000 + 1_000);
  });
});
