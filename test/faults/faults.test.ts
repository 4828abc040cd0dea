import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateScenario } from '../../seed/index.ts';
import type { Database } from '../../src/db/database.ts';
import type { IngestBatchInput, IngestReport } from '../../src/ingest/batch-types.ts';
import { DETECTION_LOCK } from '../../src/rings/ring-detection-service.ts';
import { graphql, type GraphQLResponse } from '../support/service.ts';
import { isAlive, waitFor, type ServiceProcess } from '../support/service-process.ts';
import {
  DETECT,
  Ledger,
  RESTART_BOUND_MS,
  SECOND_LEASE_SECONDS,
  boltUri,
  connectTo,
  faultPorts,
  countDuplicates,
  ingest,
  largeBatch,
  retryUntilOk,
  sendAndDisconnect,
  startSecondInstance,
  startService,
  verifyAudit,
  waitForDetectionStatement,
  waitHealthy,
  waitReady,
  waitUntil,
  within,
} from './fault-harness.ts';

/**
 * Faults under a running service on its own embedded Neo4j: the database killed in the middle
 * of an ingest and of ring detection, a client that hangs up mid-request, and the service
 * stopped with SIGTERM under load; then with a second instance on the same Neo4j (as behind a
 * load balancer): the database killed during an ingest through both, and an instance killed
 * while it holds the detection lock. After each, every record a client saw acknowledged is in
 * the store exactly once, nothing is doubled, the audit chain verifies, detection runs again and
 * the service serves without anyone restarting it by hand.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'ringwatch-faults-'));
const ledger = new Ledger();
const recoveries: { fault: string; seconds: number }[] = [];
const totals = { lost: 0, duplicates: 0, faultsChecked: 0 };
const FAULTS = 6;
/**
 * A demo batch (about 2,000 records). All 8 took 57.6 s at load average under 5 on the shared 2-core
 * machine, 2 of them 180 s at 36; at 45 the first alone did not answer within 180 s.
 */
const DEMO_BATCH_MS = 180_000;
let port: number;
let boltPort: number;
let url: string;
let service: ServiceProcess;
/** The second instance, on the first one's Neo4j, once the two-instance faults start. */
let second: { service: ServiceProcess; port: number; url: string } | undefined;
/** Every service process started, for the logs kept when a fault is not checked. */
const started: { name: string; service: ServiceProcess }[] = [];
let db: Database | undefined;

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The service's own log lines about its database since a moment, to see what recovery took. */
function logDatabaseLines(since: number): void {
  for (const line of service.output.split('\n')) {
    const entry = /^\{.*\}$/.test(line) ? (JSON.parse(line) as { time?: number; msg?: string }) : undefined;
    if (entry?.time && entry.time >= since && /Neo4j/.test(entry.msg ?? '')) {
      log(`  service +${((entry.time - since) / 1000).toFixed(1)} s: ${entry.msg}`);
    }
  }
}

async function reconnect(): Promise<Database> {
  await db?.close().catch(() => undefined);
  db = await connectTo(service);
  return db;
}

function expectStableError(answer: GraphQLResponse<unknown>, codes: string[]): void {
  const text = JSON.stringify(answer);
  expect(answer.errors?.length, text).toBeGreaterThan(0);
  expect(codes, text).toContain(answer.errors![0]!.extensions?.code);
  expect(text).not.toMatch(/\bat \S+\.(ts|js|java):\d+/);
}

/** The checks after every fault; returns the figures for the log. */
async function checkAfterFault(fault: string): Promise<void> {
  await waitReady(service, port, `after "${fault}"`);
  // The second instance's /health pings the shared database; the test's own checks go through the first's address.
  if (second) await waitHealthy(second.port, 120_000, `after "${fault}" (the second instance)`, second.service);
  const store = await reconnect();
  const { checked, lost, duplicates } = await ledger.check(store);
  const doubled = await countDuplicates(store);
  totals.lost += lost;
  totals.duplicates += duplicates + doubled;
  const audit = await verifyAudit(store);
  const detection = await retryUntilOk(() => graphql(url, DETECT), 60_000, `detection after "${fault}"`);
  log(
    `faults: ${fault}: ${checked} acknowledged records checked, ${lost} lost, ${duplicates + doubled} duplicates; ` +
      `audit ${audit.ok ? `OK (${audit.records} records)` : 'BROKEN'}; detection ran again in ${(detection.ms / 1000).toFixed(1)} s`,
  );
  expect(lost).toBe(0);
  expect(duplicates + doubled).toBe(0);
  expect(audit, JSON.stringify(audit)).toMatchObject({ ok: true });
  totals.faultsChecked += 1;
}

async function sendAcknowledged(batch: IngestBatchInput): Promise<IngestReport> {
  const answer = await ingest(url, batch);
  if (!answer.data?.ingest) throw new Error(`ingest failed: ${JSON.stringify(answer.errors)}`);
  ledger.acknowledge(batch, answer.data.ingest);
  return answer.data.ingest;
}

beforeAll(
  async () => {
    [port, boltPort] = (await faultPorts(3)) as [number, number, number];
    url = `http://127.0.0.1:${port}`;
    service = startService(dataDir, port, boltPort);
    started.push({ name: 'first', service });
    const startedIn = await waitHealthy(port, RESTART_BOUND_MS, 'the first start', service);
    // A living city for detection to work on: the demo scenario, every batch acknowledged.
    const loading = Date.now();
    const batches = [...generateScenario({ preset: 'demo', seed: 42 })];
    // Bounded per batch, not as a whole: what would be wrong is a batch that gets no answer, and a
    // loaded runner only makes each take longer.
    for (const [i, batch] of batches.entries()) {
      await within(
        sendAcknowledged(batch),
        DEMO_BATCH_MS,
        `demo scenario batch ${i + 1} of ${batches.length} to be acknowledged`,
      );
    }
    log(
      `faults: service healthy in ${(startedIn / 1000).toFixed(1)} s; demo scenario (${ledger.records} records) loaded in ${((Date.now() - loading) / 1000).toFixed(1)} s`,
    );
  },
  RESTART_BOUND_MS + 8 * DEMO_BATCH_MS + 60_000,
);

afterAll(async () => {
  await db?.close().catch(() => undefined);
  for (const running of [second?.service, service]) {
    if (!running || running.child.exitCode !== null || running.child.signalCode !== null) continue;
    running.child.kill('SIGTERM');
    await Promise.race([running.exited, new Promise((done) => setTimeout(done, 30_000))]);
    running.child.kill('SIGKILL');
  }
  if (totals.faultsChecked < FAULTS) keepLogs();
  rmSync(dataDir, { recursive: true, force: true });
  const longest = Math.max(0, ...recoveries.map((r) => r.seconds));
  log(`faults: recovery times: ${recoveries.map((r) => `${r.fault} ${r.seconds.toFixed(1)} s`).join(', ')}`);
  // The summary line counts only when every fault was injected and checked: "0 lost" after a
  // run that stopped early would say nothing was lost where nothing was looked at.
  if (totals.faultsChecked < FAULTS) {
    log(`faults: only ${totals.faultsChecked} of ${FAULTS} faults injected and checked; no summary`);
    return;
  }
  log(
    `faults: ${totals.lost} acknowledged records lost, ${totals.duplicates} duplicates, recovery ${longest.toFixed(1)} s`,
  );
  // Two services, each given 30 s to stop after SIGTERM.
}, 120_000);

/** The services' logs and Neo4j's own, kept beside the store's temporary folder, for a run that failed. */
function keepLogs(): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const { name, service: kept } of started) {
    const file = join(tmpdir(), `ringwatch-faults-${stamp}-${name}.log`);
    writeFileSync(file, kept.output);
    log(`faults: the ${name} service's log is kept in ${file}`);
  }
  const neo4jLog = join(dataDir, 'neo4j', 'logs', 'launcher.log');
  if (existsSync(neo4jLog)) {
    const file = join(tmpdir(), `ringwatch-faults-${stamp}-neo4j-launcher.log`);
    copyFileSync(neo4jLog, file);
    log(`faults: the local Neo4j's launcher log is kept in ${file}`);
  }
}

// Each fault test starts on a service that is back from the previous one: serving, and its
// database answering the checks. Whichever wait runs out says so, rather than the test failing
// on a 503 at its first look.
beforeEach(async ({ task }) => {
  const waited = await waitReady(service, port, `before "${task.name}"`);
  if (second) {
    waited.healthMs += await waitHealthy(
      second.port,
      120_000,
      `before "${task.name}" (the second instance)`,
      second.service,
    );
  }
  if (waited.healthMs + waited.databaseMs > 1_000) {
    log(
      `faults: waited ${((waited.healthMs + waited.databaseMs) / 1000).toFixed(1)} s for the service before "${task.name}"`,
    );
  }
});

describe('faults', () => {
  it('the database is killed during a large ingest: the call fails, a retry with the same key writes every record once', async () => {
    const batch = largeBatch('fault-ingest', 'fault-ingest-1', 10_000, '91');
    const call = ingest(url, batch);
    await new Promise((done) => setTimeout(done, 2_000));
    const killedAt = Date.now();
    process.kill(service.neo4jPids().at(-1)!, 'SIGKILL');
    const failed = await within(call, 120_000, 'the ingest cut off by the killed database to answer');
    expectStableError(failed, ['DATABASE_UNAVAILABLE', 'DATABASE_TIMEOUT', 'AUDIT_UNAVAILABLE']);
    await waitHealthy(port, RESTART_BOUND_MS, 'the database killed during ingest to be restarted', service);
    const healthyIn = (Date.now() - killedAt) / 1000;
    const retried = await retryUntilOk(() => ingest(url, batch), 120_000, 'the retried ingest');
    const report = retried.answer.data!.ingest;
    expect(report).toMatchObject({ accepted: 40_000, rejected: 0 });
    ledger.acknowledge(batch, report);
    recoveries.push({ fault: 'database killed during ingest', seconds: healthyIn });
    logDatabaseLines(killedAt);
    log(
      `faults: database killed 2 s into a 40,000-record ingest: ${failed.errors![0]!.extensions?.code}; healthy again after ${healthyIn.toFixed(1)} s; ` +
        `the retry succeeded after ${retried.attempts} attempt(s) (replayed: ${report.replayed})`,
    );
    const [count] = await (
      await reconnect()
    ).runText<{ records: number }>('MATCH (s:SourceRecord {source: $source}) RETURN count(s) AS records', {
      source: 'fault-ingest',
    });
    expect(count!.records).toBe(20_000);
    await checkAfterFault('database killed during ingest');
  });

  it('the database is killed during ring detection: it fails with a stable code, then runs again', async () => {
    // The kill lands while the detection thread has a statement running, whatever the
    // machine's speed: a fixed delay landed before the thread started on a slow machine and
    // inside it on a fast one.
    const watcher = await reconnect();
    let answered = false;
    const call = graphql(url, DETECT).finally(() => (answered = true));
    const during = await waitForDetectionStatement(watcher, () => answered);
    const killedAt = Date.now();
    process.kill(service.neo4jPids().at(-1)!, 'SIGKILL');
    const failed = await within(call, 120_000, 'the detection cut off by the killed database to answer');
    expectStableError(failed, ['DATABASE_UNAVAILABLE', 'DATABASE_TIMEOUT']);
    await waitHealthy(port, RESTART_BOUND_MS, 'the database killed during detection to be restarted', service);
    const healthyIn = (Date.now() - killedAt) / 1000;
    const again = await retryUntilOk(
      () => graphql<{ detectRings: { ringCount: number } }>(url, DETECT),
      120_000,
      'detection on the restarted database',
    );
    expect(again.answer.data!.detectRings.ringCount).toBeGreaterThan(0);
    recoveries.push({ fault: 'database killed during detection', seconds: healthyIn });
    logDatabaseLines(killedAt);
    log(
      `faults: database killed during detectRings (${during} running): ${failed.errors![0]!.extensions?.code}; healthy again after ${healthyIn.toFixed(1)} s; ` +
        `detection found ${again.answer.data!.detectRings.ringCount} rings on the next run`,
    );
    await checkAfterFault('database killed during detection');
  });

  it('a client hangs up mid-request: the service stays up and a retry with the same key leaves one copy', async () => {
    const batch = largeBatch('fault-disconnect', 'fault-disconnect-1', 10_000, '94');
    const neo4jBefore = service.neo4jPids();
    const cutAt = Date.now();
    await sendAndDisconnect(port, batch, 500);
    // Still serving: the process is up, /health answers 200 (bounded: its database check runs
    // beside the abandoned batch, which the service still writes) and no database restarted.
    expect(service.child.exitCode).toBeNull();
    await waitHealthy(port, 60_000, 'the service after the client hung up', service);
    expect(service.neo4jPids(), 'the database was restarted meanwhile').toEqual(neo4jBefore);
    const retried = await retryUntilOk(() => ingest(url, batch), 120_000, 'the retried ingest');
    const report = retried.answer.data!.ingest;
    expect(report).toMatchObject({ accepted: 40_000, rejected: 0 });
    ledger.acknowledge(batch, report);
    const seconds = (Date.now() - cutAt) / 1000;
    recoveries.push({ fault: 'client disconnect', seconds });
    log(
      `faults: client hung up 0.5 s after sending 40,000 records; the retry answered after ${seconds.toFixed(1)} s (replayed: ${report.replayed})`,
    );
    const [count] = await (
      await reconnect()
    ).runText<{ records: number; batches: number }>(
      `MATCH (s:SourceRecord {source: $source}) WITH count(s) AS records
       MATCH (b:IngestBatch {key: $key}) RETURN records, count(b) AS batches`,
      { source: 'fault-disconnect', key: 'fault-disconnect|fault-disconnect-1' },
    );
    expect(count).toEqual({ records: 20_000, batches: 1 });
    await checkAfterFault('client disconnect');
  });

  it('the service gets SIGTERM under load: requests finish or fail cleanly, and every acknowledged batch survives a restart', async () => {
    const outcomes = { acknowledged: 0, failedCleanly: 0, hung: 0 };
    let stop = false;
    let sequence = 0;
    const client = async (id: number) => {
      while (!stop) {
        sequence += 1;
        const batch = largeBatch(`fault-sigterm-${id}`, `k-${sequence}`, 50, '97');
        // Each client its own people; the phones are shared between clients, as agencies share them.
        batch.people = batch.people!.map((p) => ({ ...p, externalId: `${p.externalId}-${sequence}` }));
        batch.links = batch.links!.map((l) => ({
          ...l,
          from: { ...l.from, externalId: `${l.from.externalId}-${sequence}` },
          to: l.to.kind === 'PERSON' ? { ...l.to, externalId: `${l.to.externalId}-${sequence}` } : l.to,
        }));
        try {
          const answer = await Promise.race([
            ingest(url, batch),
            new Promise<never>((_, fail) => setTimeout(() => fail(new Error('hung')), 60_000)),
          ]);
          if (answer.data?.ingest) {
            ledger.acknowledge(batch, answer.data.ingest);
            outcomes.acknowledged += 1;
          } else outcomes.failedCleanly += 1;
        } catch (error) {
          if ((error as Error).message === 'hung') outcomes.hung += 1;
          else outcomes.failedCleanly += 1; // refused or reset connection: the service is going away
          await new Promise((done) => setTimeout(done, 100));
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, i) => client(i));
    await waitFor(() => outcomes.acknowledged >= 20, 60_000, 'the load to get going');
    const termAt = Date.now();
    service.child.kill('SIGTERM');
    const exitCode = await Promise.race([
      service.exited,
      new Promise<never>((_, fail) =>
        setTimeout(() => fail(new Error('the service did not stop within 90 s of SIGTERM')), 90_000),
      ),
    ]);
    const stoppedIn = (Date.now() - termAt) / 1000;
    stop = true;
    await Promise.all(clients);
    expect(exitCode).toBe(0);
    expect(outcomes.hung).toBe(0);

    await db?.close().catch(() => undefined);
    db = undefined;
    const restartAt = Date.now();
    service = startService(dataDir, port, boltPort);
    started.push({ name: 'restarted', service });
    await waitHealthy(port, RESTART_BOUND_MS, 'the service restarted after SIGTERM', service);
    const seconds = (Date.now() - restartAt) / 1000;
    recoveries.push({ fault: 'SIGTERM and restart', seconds });
    log(
      `faults: SIGTERM under load from 8 clients: stopped cleanly in ${stoppedIn.toFixed(1)} s (exit ${exitCode}); ` +
        `${outcomes.acknowledged} batches acknowledged, ${outcomes.failedCleanly} failed cleanly, ${outcomes.hung} hung; ` +
        `serving again ${seconds.toFixed(1)} s after the restart on the same DATA_DIR`,
    );
    await checkAfterFault('SIGTERM under load');
  });
  it('two instances on one Neo4j: the database is killed during an ingest through both, the retries write every record once', async () => {
    const [, , secondPort] = await faultPorts(3);
    const secondService = startSecondInstance(dataDir, secondPort!, boltUri(service));
    started.push({ name: 'second', service: secondService });
    second = { service: secondService, port: secondPort!, url: `http://127.0.0.1:${secondPort}` };
    const secondIn = await waitHealthy(second.port, 120_000, 'the second instance to start', secondService);
    log(`faults: a second instance on the same Neo4j serving in ${(secondIn / 1000).toFixed(1)} s`);
    // Two agencies' batches, one through each instance, on the same phones.
    const batches = [
      largeBatch('fault-two-a', 'fault-two-a-1', 5_000, '98'),
      largeBatch('fault-two-b', 'fault-two-b-1', 5_000, '98'),
    ];
    const urls = [url, second.url];
    const calls = batches.map((batch, i) => ingest(urls[i]!, batch));
    await new Promise((done) => setTimeout(done, 2_000));
    const killedAt = Date.now();
    process.kill(service.neo4jPids().at(-1)!, 'SIGKILL');
    const answers = await within(Promise.all(calls), 120_000, 'both ingests cut off by the killed database to answer');
    const firstTry: string[] = [];
    for (const [i, answer] of answers.entries()) {
      // One that had committed before the kill is acknowledged like any other; the rest fail with a code.
      if (answer.data?.ingest) {
        ledger.acknowledge(batches[i]!, answer.data.ingest);
        firstTry.push('acknowledged');
      } else {
        expectStableError(answer, ['DATABASE_UNAVAILABLE', 'DATABASE_TIMEOUT', 'AUDIT_UNAVAILABLE']);
        firstTry.push(String(answer.errors![0]!.extensions?.code));
      }
    }
    await waitHealthy(port, RESTART_BOUND_MS, 'the database killed during two ingests to be restarted', service);
    // The second instance's driver finds the restarted database at the same address by itself.
    await waitHealthy(second.port, 60_000, 'the second instance to see the restarted database', second.service);
    const healthyIn = (Date.now() - killedAt) / 1000;
    const retried = await Promise.all(
      batches.map((batch, i) =>
        retryUntilOk(() => ingest(urls[i]!, batch), 180_000, `the retried ingest through instance ${i + 1}`),
      ),
    );
    for (const [i, { answer }] of retried.entries()) {
      expect(answer.data!.ingest).toMatchObject({ accepted: 20_000, rejected: 0 });
      ledger.acknowledge(batches[i]!, answer.data!.ingest);
    }
    recoveries.push({ fault: 'two instances: database killed during ingest', seconds: healthyIn });
    logDatabaseLines(killedAt);
    log(
      `faults: database killed 2 s into two 20,000-record ingests, one through each instance: ${firstTry.join(', ')}; ` +
        `both instances healthy again after ${healthyIn.toFixed(1)} s; the retries succeeded after ${retried.map((r) => r.attempts).join(' and ')} attempt(s)`,
    );
    const [count] = await (
      await reconnect()
    ).runText<{ records: number }>('MATCH (s:SourceRecord) WHERE s.source IN $sources RETURN count(s) AS records', {
      sources: ['fault-two-a', 'fault-two-b'],
    });
    // 5,000 people each, and the 5,000 phones both touched once each.
    expect(count!.records).toBe(20_000);
    await checkAfterFault('two instances: database killed during ingest');
  });

  it('two instances on one Neo4j: an instance killed while it detects leaves the lock to the other within its lease', async () => {
    const instance = second!;
    const pid = instance.service.child.pid!;
    const watcher = await reconnect();
    const holder = async () => {
      const [row] = await watcher.read<{ holder: string | null }>('locks/read-lock', { name: DETECTION_LOCK });
      return row?.holder ?? null;
    };
    let answered = false;
    void graphql(instance.url, DETECT)
      .catch(() => undefined)
      .finally(() => (answered = true));
    const during = await waitForDetectionStatement(watcher, () => answered);
    await waitUntil('the second instance to hold the detection lock', 30_000, async () =>
      (await holder())?.includes(`/${pid}/`) ? true : `held by ${await holder()}`,
    );
    const killedAt = Date.now();
    instance.service.child.kill('SIGKILL');
    await within(instance.service.exited, 30_000, 'the killed second instance to exit');
    expect(isAlive(pid)).toBe(false);
    second = undefined;
    // The first instance refuses while the dead holder's lease runs, then detects with no one releasing it by hand.
    let refused = 0;
    const detected = await retryUntilOk(
      async () => {
        const answer = await graphql<{ detectRings: { ringCount: number } }>(url, DETECT);
        if (answer.errors?.[0]?.extensions?.code === 'DETECTION_IN_PROGRESS') refused += 1;
        return answer;
      },
      SECOND_LEASE_SECONDS * 1000 + 120_000,
      "detection on the first instance once the dead holder's lease ran out",
    );
    const seconds = (Date.now() - killedAt) / 1000;
    expect(detected.answer.data!.detectRings.ringCount).toBeGreaterThan(0);
    recoveries.push({ fault: 'two instances: instance killed during detection', seconds });
    log(
      `faults: the second instance killed during detectRings (${during} running, holding the lock): the first instance ` +
        `refused ${refused} time(s) while the ${SECOND_LEASE_SECONDS} s lease ran, then detected ${detected.answer.data!.detectRings.ringCount} rings; ` +
        `${seconds.toFixed(1)} s from the kill to that detection's answer`,
    );
    await checkAfterFault('two instances: instance killed during detection');
  });
});
