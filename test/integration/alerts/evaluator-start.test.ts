import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALERT_CONSUMER } from '../../../src/alerts/alert-evaluator.ts';
import type { RunningService } from '../../../src/app/start-service.ts';
import { ChangeFeed } from '../../../src/changes/change-feed.ts';
import type { Database } from '../../../src/db/database.ts';
import { IngestService } from '../../../src/ingest/ingest-batch.ts';
import { connectTestDatabase, uniqueSource } from '../../support/database.ts';
import { startTestService } from '../../support/service.ts';
import { bornYearsAgo, crossing, daysAgo } from './planted.ts';

// Several service starts and writes of a second or more each on a busy machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

let db: Database;
let feed: ChangeFeed;
/** Writes as another process would (the importer): not through any service under test. */
let importer: IngestService;
const running: RunningService[] = [];

beforeAll(async () => {
  db = await connectTestDatabase();
  feed = new ChangeFeed(db);
  importer = new IngestService(db);
});
afterAll(async () => {
  for (const service of running) await service.close();
  await db?.close();
});

async function start(): Promise<RunningService> {
  const service = await startTestService({ ALERTS_POLL_MS: '100' });
  running.push(service);
  return service;
}

async function stop(service: RunningService): Promise<void> {
  await service.close();
  running.splice(running.indexOf(service), 1);
}

/** A database on which no evaluator ever ran, but with history: the feed holds what earlier writes left. */
async function forgetTheEvaluator(): Promise<void> {
  await db.runText('MATCH (c:ChangeConsumer {name: $name}) DELETE c', { name: ALERT_CONSUMER }, 'WRITE');
}

let leaving = 0;

/**
 * A 14-year-old leaving alone through a land border: a MINOR_BORDER_EXIT each time. Two hours
 * apart, so that no two are judged as travelling together (each alert is about one child).
 */
async function childLeaves(source: string, key: string): Promise<void> {
  leaving += 1;
  const report = await importer.ingest({
    source,
    idempotencyKey: key,
    people: [{ externalId: `child-${key}`, fullName: `Đỗ Thị ${key}`, dateOfBirth: bornYearsAgo(14) }],
    crossings: [crossing(`x-${key}`, `child-${key}`, 'EXIT', daysAgo(0, -120 * leaving), 'Lao Cai')],
  });
  expect(report.errors).toEqual([]);
}

/** MINOR_BORDER_EXIT alerts per crossing of the source, by the crossing's record key. */
async function alertsPerExit(source: string): Promise<Record<string, number>> {
  const rows = await db.runText<{ key: string; alerts: number }>(
    `MATCH (s:SourceRecord {source: $source, kind: 'BORDER_CROSSING'})-[:RECORDS]->(x)
     OPTIONAL MATCH (a:Alert {rule: 'MINOR_BORDER_EXIT'}) WHERE x.id IN a.entityIds
     RETURN s.externalId AS key, count(a) AS alerts ORDER BY key`,
    { source },
  );
  return Object.fromEntries(rows.map((row) => [row.key, Number(row.alerts)]));
}

async function consumers(): Promise<{ position: number }[]> {
  return db.runText<{ position: number }>('MATCH (c:ChangeConsumer {name: $name}) RETURN c.position AS position', {
    name: ALERT_CONSUMER,
  });
}

/** Until the evaluator has passed the record at `seq` (or the time runs out). */
async function evaluatedUpTo(seq: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await feed.consumer(ALERT_CONSUMER).position()) < seq) {
    if (Date.now() > deadline) throw new Error(`the evaluator did not reach ${seq}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the alert evaluator on its first start', () => {
  it('begins at the feed head on a database with history, and resumes where it stopped after a restart', async () => {
    const source = uniqueSource('first-start');
    await forgetTheEvaluator();
    // History: a child's exit written before any evaluator ran. It is not news to a service
    // started today, and the feed holds every earlier test's writes besides.
    await childLeaves(source, 'old');
    const history = await feed.head();

    const first = await start();
    // The position exists as soon as the service has started, at the head.
    const [created, ...more] = await consumers();
    expect(more).toEqual([]);
    expect(created!.position).toBe(history);

    await childLeaves(source, 'new');
    await evaluatedUpTo(await feed.head());
    expect(await alertsPerExit(source)).toEqual({ 'x-old': 0, 'x-new': 1 });

    // Stopped, records arrive; started again, it goes on from where it stopped, not at the head.
    await stop(first);
    await childLeaves(source, 'offline');
    await start();
    await evaluatedUpTo(await feed.head());
    expect(await alertsPerExit(source)).toEqual({ 'x-old': 0, 'x-new': 1, 'x-offline': 1 });
    await stop(running[0]!);
  });

  it('is created once when several instances start at once, and each record raises one alert', async () => {
    const source = uniqueSource('first-start-many');
    await forgetTheEvaluator();
    await childLeaves(source, 'old');
    const history = await feed.head();

    await Promise.all([start(), start(), start()]);
    const [created, ...more] = await consumers();
    expect(more).toEqual([]);
    expect(created!.position).toBe(history);

    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    await Promise.all(keys.map((key) => childLeaves(source, key)));
    await evaluatedUpTo(await feed.head());
    expect(await alertsPerExit(source)).toEqual({
      'x-old': 0,
      ...Object.fromEntries(keys.map((key) => [`x-${key}`, 1])),
    });
  });
});
