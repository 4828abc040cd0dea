import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT_CONSUMER } from '../../src/alerts/alert-evaluator.ts';
import { createLogger } from '../../src/app/logger.ts';
import { startService, type RunningService } from '../../src/app/start-service.ts';
import { signToken } from '../../src/auth/sign-token.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { LocalNeo4j } from '../../src/db/local-neo4j/local-neo4j.ts';
import type { IngestBatchInput } from '../../src/ingest/batch-types.ts';
import { countRecords } from '../../src/ingest/ingest-batch.ts';
import { renamedCity } from './ingest-throughput.ts';
import { jvmCpuBetween, readJvmCpu, type JvmCpu } from './jvm-cpu.ts';
import { percentile } from './percentile.ts';
import { serverSentEventData } from '../../src/shared/server-sent-events.ts';

const PASSWORD = 'ringwatch-bench';
const SECRET = 'ringwatch-bench-secret-0123456789-abcdefghijklmnop';
const WATCH_SOURCE = 'bench-watch';
/** How long the last planted alerts may take to arrive once ingest has ended. */
const ARRIVAL_TIMEOUT_MS = 120_000;

export interface AlertLatencyOptions {
  /** Test cities of other seeds sent untimed first, evaluation on, so Neo4j's write and alert paths are compiled. */
  warmUpCities: number;
  /** Rounds in the order off, on, on, off, ...: linear drift (a growing store, a warming JVM) falls on both sides. */
  pairs: number;
  log: (line: string) => void;
}

export interface AlertLatency {
  records: number;
  batches: number;
  /** Triggering records planted per round, and how many of their alerts reached the subscriber. */
  planted: number;
  arrived: number;
  /** Commit of the batch holding the triggering record to the alert at the SSE subscriber, ms. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Ingest records/s over GraphQL and HTTP, alert evaluation off / on, each over all its rounds. */
  offRecordsPerSecond: number;
  onRecordsPerSecond: number;
  ratio: number;
  rounds: { alerts: boolean; seconds: number; recordsPerSecond: number; neo4jCpu: JvmCpu | undefined }[];
  /** The evaluator's drains that raised alerts while alerts were on: how long each took (ms). */
  evaluatorStepsMs: { count: number; p50: number; p95: number; max: number };
  /**
   * Per round with alerts on: alerts the city's own records raised beside the planted ones, how
   * many alerts the subscriber received in all (each one a disclosure record in the audit trail),
   * and how many feed records the evaluator was behind when the last batch had committed.
   */
  onRounds: { alertsRaised: number; alertsReceived: number; evaluatorBehindAtEnd: number }[];
}

interface Planted {
  /** The agency record of the alert's sources that says it is this one. */
  externalId: string;
  batch: number;
}

/**
 * While the test city's records are sent through the GraphQL ingest over HTTP, one batch after
 * another as fast as the service takes them, two triggering records ride in every batch: a
 * 14-year-old leaving alone through Lao Cai (MINOR_BORDER_EXIT) and a new acquaintance of a
 * person the subscriber watches (WATCHED_ENTITY_ACTIVITY). An SSE subscriber over HTTP times each
 * alert from the commit of its batch (the ingest's after-commit hook) to its arrival. The same
 * batches go through with alert evaluation off in the same run, on the same Neo4j, for the
 * throughput ratio.
 */
export async function measureAlertLatency(options: AlertLatencyOptions): Promise<AlertLatency> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ringwatch-bench-alerts-'));
  const neo4j = new LocalNeo4j({ dataDir, password: PASSWORD, heap: '2g', pageCache: '2g', startTimeoutMs: 600_000 });
  const { boltUri, pid } = await neo4j.start();
  const token = await signToken(SECRET, {
    sub: 'bench-alerts',
    roles: ['admin'],
    agency: 'bench',
    clearance: ['minors', 'victims'],
  });
  const start = (alerts: boolean) =>
    startService(
      loadConfig({
        PORT: '0',
        NEO4J_URI: boltUri,
        NEO4J_PASSWORD: PASSWORD,
        SEED_DEMO: 'false',
        AUTH_JWT_SECRET: SECRET,
        ALERTS_ENABLED: String(alerts),
        RATE_LIMIT_PER_SECOND: '1000000',
        RATE_LIMIT_BURST: '1000000',
      }),
      createLogger('silent'),
    );
  try {
    {
      // With evaluation on, so the rules' statements are planned and compiled before the timed
      // rounds too, as the ingest's are.
      const service = await start(true);
      try {
        for (let city = 0; city < options.warmUpCities; city++) {
          options.log(`  warm-up city ${city + 1} of ${options.warmUpCities}`);
          for (const batch of renamedCity(1_000 + city, `warm${city}-`)) await send(service, token, batch);
        }
        await skipToHead(service);
      } finally {
        await service.close();
      }
    }
    const order = Array.from({ length: options.pairs }, (_, i) => (i % 2 === 0 ? [false, true] : [true, false])).flat();
    const rounds: AlertLatency['rounds'] = [];
    const latencies: number[] = [];
    const steps: number[] = [];
    const onRounds: AlertLatency['onRounds'] = [];
    let planted = 0;
    let records = 0;
    let batches = 0;
    for (const [round, alerts] of order.entries()) {
      const prefix = `r${round}-`;
      const city = plantTriggers(renamedCity(1, prefix), prefix);
      records = city.batches.reduce((total, batch) => total + countRecords(batch), 0);
      batches = city.batches.length;
      planted = city.planted.length;
      const service = await start(alerts);
      try {
        const result = await runRound(service, token, city, alerts, pid);
        rounds.push({
          alerts,
          seconds: result.seconds,
          recordsPerSecond: records / result.seconds,
          neo4jCpu: result.neo4jCpu,
        });
        latencies.push(...result.latencies);
        steps.push(...result.stepsMs);
        if (result.diagnostics) onRounds.push(result.diagnostics);
        if (!alerts) await skipToHead(service);
        options.log(
          `  round ${round + 1} of ${order.length}, alerts ${alerts ? 'on' : 'off'}: ${Math.round(records / result.seconds)} records/s` +
            (alerts ? `, ${result.latencies.length} of ${city.planted.length} alerts arrived` : ''),
        );
      } finally {
        await service.close();
      }
    }
    const side = (alerts: boolean) => {
      const mine = rounds.filter((r) => r.alerts === alerts);
      return (mine.length * records) / mine.reduce((total, r) => total + r.seconds, 0);
    };
    latencies.sort((a, b) => a - b);
    steps.sort((a, b) => a - b);
    return {
      records,
      batches,
      planted,
      arrived: latencies.length / options.pairs,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      max: latencies.at(-1) ?? Number.NaN,
      offRecordsPerSecond: side(false),
      onRecordsPerSecond: side(true),
      ratio: side(true) / side(false),
      rounds,
      evaluatorStepsMs: {
        count: steps.length,
        p50: percentile(steps, 0.5),
        p95: percentile(steps, 0.95),
        max: steps.at(-1) ?? Number.NaN,
      },
      onRounds,
    };
  } finally {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * What was written while evaluation was off is not evaluated when it is on again: the alert
 * consumer moves to the head, so each round with alerts evaluates its own records only.
 */
async function skipToHead(service: RunningService): Promise<void> {
  await service.services.db.write('bench/alerts-consumer-to-head', { name: ALERT_CONSUMER });
}

/** The city's batches with a child's exit and a watched person's new acquaintance in each. */
function plantTriggers(city: IngestBatchInput[], prefix: string): { batches: IngestBatchInput[]; planted: Planted[] } {
  const planted: Planted[] = [];
  const now = Date.now();
  const bornAt14 = new Date(now - (14 * 365.25 + 180) * 86_400_000).toISOString().slice(0, 10);
  const batches = city.map((batch, i) => {
    const child = `${prefix}alert-child-${i}`;
    const friend = `${prefix}alert-friend-${i}`;
    planted.push({ externalId: `${child}-x`, batch: i }, { externalId: friend, batch: i });
    return {
      ...batch,
      people: [
        ...(batch.people ?? []),
        { externalId: child, fullName: `Đinh Thị Bé ${i}`, dateOfBirth: bornAt14 },
        { externalId: friend, fullName: `Tạ Văn Bạn ${i}`, dateOfBirth: '1980-01-01' },
      ],
      crossings: [
        ...(batch.crossings ?? []),
        {
          externalId: `${child}-x`,
          person: { kind: 'PERSON' as const, externalId: child },
          checkpoint: 'Lao Cai',
          direction: 'EXIT',
          // Two hours apart, so that no two planted children are judged as travelling together.
          at: new Date(now - (i + 1) * 2 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          country: 'CN',
        },
      ],
      links: [
        ...(batch.links ?? []),
        {
          type: 'KNOWS',
          from: { kind: 'PERSON' as const, externalId: friend },
          to: { kind: 'PERSON' as const, externalId: `${prefix}watched`, source: WATCH_SOURCE },
        },
      ],
    };
  });
  return { batches, planted };
}

async function post(service: RunningService, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'benchmark' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { message: string }[]; data?: Record<string, unknown> };
  if (body.errors)
    throw new Error(
      body.errors
        .map((e) => e.message)
        .join('; ')
        .slice(0, 300),
    );
  return body.data!;
}

async function send(service: RunningService, token: string, batch: IngestBatchInput): Promise<void> {
  const data = await post(service, token, 'mutation($b: IngestBatchInput!) { ingest(batch: $b) { rejected } }', {
    b: batch,
  });
  const rejected = (data['ingest'] as { rejected: number }).rejected;
  if (rejected) throw new Error(`ingest rejected ${rejected} records of ${batch.source}`);
}

async function runRound(
  service: RunningService,
  token: string,
  city: { batches: IngestBatchInput[]; planted: Planted[] },
  alerts: boolean,
  neo4jPid: number,
): Promise<{
  seconds: number;
  neo4jCpu: JvmCpu | undefined;
  latencies: number[];
  stepsMs: number[];
  diagnostics: AlertLatency['onRounds'][number] | undefined;
}> {
  const prefix = city.planted[0]!.externalId.split('alert-')[0]!;
  // The watched person, written and watched before the round: its batch is not timed.
  await send(service, token, {
    source: WATCH_SOURCE,
    people: [{ externalId: `${prefix}watched`, fullName: 'Người Được Theo Dõi', dateOfBirth: '1975-05-05' }],
  });
  const found = await post(service, token, 'query($r: EntityRefInput!) { entity(ref: $r) { id } }', {
    r: { kind: 'PERSON', externalId: `${prefix}watched`, source: WATCH_SOURCE },
  });
  await post(service, token, 'mutation($i: WatchInput!) { watch(input: $i) { id } }', {
    i: { entityId: (found['entity'] as { id: string }).id },
  });

  // The ingest's after-commit hook wakes this process's feed consumers; it marks the commit here.
  const signal = service.services.changeSignal;
  const notify = signal.notify.bind(signal);
  let lastCommit = 0;
  signal.notify = () => {
    lastCommit = performance.now();
    notify();
  };
  const stepsMs: number[] = [];
  const evaluator = service.earlyWarning.evaluator;
  const drain = evaluator.drain.bind(evaluator);
  evaluator.drain = async () => {
    const t0 = performance.now();
    const raised = await drain();
    if (raised.length) stepsMs.push(performance.now() - t0);
    return raised;
  };

  const arrivals = new Map<string, number>();
  const received = { count: 0 };
  const alertsBefore = await countAlerts(service);
  const subscription = alerts ? subscribe(service, token, arrivals, received) : undefined;
  if (subscription) await subscription.ready;
  const commits = new Map<number, number>();
  const cpuBefore = readJvmCpu(neo4jPid);
  const started = performance.now();
  for (const [i, batch] of city.batches.entries()) {
    const sentAt = performance.now();
    await send(service, token, batch);
    commits.set(i, lastCommit > sentAt ? lastCommit : performance.now());
  }
  const seconds = (performance.now() - started) / 1000;
  const neo4jCpu = jvmCpuBetween(cpuBefore, readJvmCpu(neo4jPid));
  const behind =
    (await service.services.changes.head()) - (await service.services.changes.consumer(ALERT_CONSUMER).position());
  const latencies: number[] = [];
  let diagnostics: AlertLatency['onRounds'][number] | undefined;
  if (subscription) {
    const deadline = performance.now() + ARRIVAL_TIMEOUT_MS;
    while (city.planted.some((p) => !arrivals.has(p.externalId)) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    subscription.close();
    for (const p of city.planted) {
      const at = arrivals.get(p.externalId);
      if (at !== undefined) latencies.push(at - commits.get(p.batch)!);
    }
    diagnostics = {
      alertsRaised: (await countAlerts(service)) - alertsBefore,
      alertsReceived: received.count,
      evaluatorBehindAtEnd: behind,
    };
  }
  return { seconds, neo4jCpu, latencies, stepsMs, diagnostics };
}

async function countAlerts(service: RunningService): Promise<number> {
  return (await service.services.alerts.list({ statuses: null, rules: null, skip: 0, limit: 1 })).total;
}

const SUBSCRIPTION = `subscription { alertRaised(rules: ["MINOR_BORDER_EXIT", "WATCHED_ENTITY_ACTIVITY"]) {
  id rule sources { source externalId }
} }`;

/**
 * An SSE subscription as a client makes it (POST with Accept: text/event-stream); notes when each
 * alert arrives, by the externalIds of its agency records.
 */
function subscribe(service: RunningService, token: string, arrivals: Map<string, number>, received: { count: number }) {
  const controller = new AbortController();
  let live: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (live = resolve));
  void (async () => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${token}`,
        'x-purpose': 'benchmark',
      },
      body: JSON.stringify({ query: SUBSCRIPTION }),
      signal: controller.signal,
    });
    // The headers are in; a moment more for the subscription to reach the pub/sub.
    setTimeout(live, 1_000);
    for await (const data of serverSentEventData(response.body!)) {
      const at = performance.now();
      const event = JSON.parse(data) as { data?: { alertRaised: { sources: { externalId: string }[] } } };
      if (event.data) received.count += 1;
      for (const source of event.data?.alertRaised.sources ?? []) {
        if (!arrivals.has(source.externalId)) arrivals.set(source.externalId, at);
      }
    }
  })().catch(() => undefined);
  return { ready, close: () => controller.abort() };
}
