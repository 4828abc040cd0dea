// npm run load -- [--seconds 60] [--concurrency 32] [--preset demo|test] [--url http://127.0.0.1:4000 --secret S] [--no-seed]
//
// A mixed load against the service on loopback: link charts (depth 2, maxNodes 300, random
// seeds), ring candidates, search and small ingest batches, from 32 concurrent clients for a
// bounded time. Without --url it starts its own service in this process over a temporary
// embedded Neo4j, seeds a scenario through the service's ingest, runs detection once, and
// removes everything afterwards. Prints p50/p95/p99 latency per kind and overall, requests/s
// and errors, as a table and as JSON lines {"bench":"load",...}. Exit code 1 when any
// request failed.

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadScenario } from '../../seed/load/load-scenario.ts';
import { createLogger } from '../../src/app/logger.ts';
import { startService, type RunningService } from '../../src/app/start-service.ts';
import type { Role } from '../../src/auth/roles.ts';
import { signToken } from '../../src/auth/sign-token.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { IngestBatchInput } from '../../src/ingest/batch-types.ts';

type Kind = 'linkChart' | 'ringCandidates' | 'search' | 'ingest';

/** The mix: how often each kind is picked by a client for its next request. */
const MIX: [Kind, number][] = [
  ['linkChart', 0.35],
  ['search', 0.25],
  ['ringCandidates', 0.15],
  ['ingest', 0.25],
];

const LINK_CHART = `query Chart($seeds: [ID!]!) {
  linkChart(seeds: $seeds, depth: 2, maxNodes: 300) { truncated nodes { id kind label } edges { id source target type } }
}`;
const RING_CANDIDATES = `query Rings($after: String) {
  ringCandidates(first: 20, after: $after) { totalCount edges { cursor node { id score size summary } } }
}`;
const SEARCH = `query Search($text: String!) { search(text: $text, first: 20) { score matchedOn entity { id kind label } } }`;
const INGEST = `mutation Ingest($batch: IngestBatchInput!) { ingest(batch: $batch) { accepted rejected replayed } }`;
const DETECT = 'mutation { detectRings(options: { seed: 1 }) { id ringCount } }';

const SEARCH_TEXTS = [
  'nguyen',
  'tran thi',
  'le van',
  'pham',
  'hoang minh',
  'vu',
  'dang',
  'bui thi',
  'do',
  'ngo',
  'lan',
  'hung',
];

interface Options {
  seconds: number;
  concurrency: number;
  preset: 'demo' | 'test';
  url: string | undefined;
  secret: string | undefined;
  seed: boolean;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      concurrency: { type: 'string', default: '32' },
      preset: { type: 'string', default: 'demo' },
      url: { type: 'string' },
      secret: { type: 'string' },
      'no-seed': { type: 'boolean', default: false },
    },
  });
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  if (!(seconds > 0 && seconds <= 3600)) throw new Error('--seconds must be from 1 to 3600');
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 1000)) {
    throw new Error('--concurrency must be a whole number from 1 to 1000');
  }
  if (values.preset !== 'demo' && values.preset !== 'test') throw new Error('--preset must be demo or test');
  const secret = values.secret ?? process.env['AUTH_JWT_SECRET'];
  if (values.url && !secret) throw new Error('--url needs --secret (or AUTH_JWT_SECRET): the service’s HS256 secret');
  return { seconds, concurrency, preset: values.preset, url: values.url, secret, seed: !values['no-seed'] };
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

class Client {
  constructor(
    private readonly url: string,
    private readonly tokens: Record<'read' | 'ingest', string>,
  ) {}

  async call(kind: Kind | 'detect', query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const token = kind === 'ingest' ? this.tokens.ingest : this.tokens.read;
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'load test' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(120_000),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function pick(random: () => number): Kind {
  let r = random();
  for (const [kind, share] of MIX) {
    if ((r -= share) < 0) return kind;
  }
  return 'linkChart';
}

let ingestSequence = 0;
const runId = randomUUID().slice(0, 8);

/** 20 records: 5 people, their phones, USES_PHONE and a KNOWS chain; a key never used before. */
function smallBatch(): IngestBatchInput {
  ingestSequence += 1;
  const n = ingestSequence;
  const people = Array.from({ length: 5 }, (_, i) => ({
    externalId: `load-${runId}-${n}-${i}`,
    fullName: `Load Test ${n} ${i}`,
  }));
  const numbers = people.map((_, i) => `+8497${String((n * 5 + i) % 10_000_000).padStart(7, '0')}`);
  return {
    source: `load-${runId}`,
    idempotencyKey: `load-${runId}-${n}`,
    people,
    phones: numbers.map((number) => ({ number })),
    links: [
      ...people.map((p, i) => ({
        type: 'USES_PHONE',
        from: { kind: 'PERSON' as const, externalId: p.externalId },
        to: { kind: 'PHONE' as const, externalId: numbers[i]! },
      })),
      ...people.map((p, i) => ({
        type: 'KNOWS',
        from: { kind: 'PERSON' as const, externalId: p.externalId },
        to: { kind: 'PERSON' as const, externalId: people[(i + 1) % people.length]!.externalId },
      })),
    ],
  };
}

async function main(): Promise<number> {
  const options = readOptions();
  let running: RunningService | undefined;
  let dataDir: string | undefined;
  let url = options.url;
  let secret = options.secret;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    if (!url) {
      dataDir = mkdtempSync(join(tmpdir(), 'ringwatch-load-'));
      secret = randomBytes(32).toString('hex');
      const config = loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SEED_DEMO: 'false',
        AUTH_JWT_SECRET: secret,
        // The per-token limit (50/s, burst 200) protects a shared service from one runaway
        // client; here a handful of tokens stand for 32 clients, so it would measure the
        // limiter's 429s instead of the service. It is lifted for this private instance only.
        RATE_LIMIT_PER_SECOND: '1000000',
        RATE_LIMIT_BURST: '1000000',
        NEO4J_HEAP: '1g',
        NEO4J_PAGECACHE: '1g',
        LOG_LEVEL: 'warn',
      });
      log(`load: starting a service with its own Neo4j in ${dataDir}`);
      running = await startService(config, createLogger('warn'));
      url = running.url;
    }
    const tokens = {
      read: await signToken(secret!, {
        sub: 'load-analyst',
        roles: ['analyst'] as Role[],
        agency: 'police',
        clearance: ['minors', 'victims'],
      }),
      ingest: await signToken(secret!, { sub: 'load-ingest', roles: ['ingest'] as Role[], agency: `load-${runId}` }),
    };
    const client = new Client(url, tokens);
    const admin = new Client(url, {
      read: await signToken(secret!, { sub: 'load-admin', roles: ['admin'] as Role[], agency: 'police' }),
      ingest: tokens.ingest,
    });

    if (options.seed) {
      const seeded = await loadScenario({ preset: options.preset, seed: 42 }, async (batch) => {
        const answer = await client.call('ingest', INGEST, { batch });
        const report = answer.body.data?.['ingest'] as { accepted: number; rejected: number } | undefined;
        if (!report) throw new Error(`seeding failed: ${JSON.stringify(answer.body.errors)}`);
        return { ...report, errors: [] };
      });
      log(`load: seeded the ${options.preset} scenario: ${seeded.accepted} records in ${seeded.seconds.toFixed(1)} s`);
    }
    const detected = await admin.call('detect', DETECT);
    if (detected.body.errors) throw new Error(`detection failed: ${JSON.stringify(detected.body.errors)}`);
    log(`load: detection found ${(detected.body.data?.['detectRings'] as { ringCount: number }).ringCount} rings`);

    // Seeds for the link charts: people found by common name words.
    const seedIds = new Set<string>();
    for (const text of SEARCH_TEXTS) {
      const found = await client.call('search', SEARCH, { text });
      for (const hit of (found.body.data?.['search'] as { entity: { id: string } }[] | undefined) ?? []) {
        seedIds.add(hit.entity.id);
      }
    }
    const seeds = [...seedIds];
    if (!seeds.length) throw new Error('no entities to start link charts from: seed a scenario first');

    const latencies: Record<Kind, number[]> = { linkChart: [], ringCandidates: [], search: [], ingest: [] };
    const errors: Record<Kind, number> = { linkChart: 0, ringCandidates: 0, search: 0, ingest: 0 };
    const examples: string[] = [];
    const random = Math.random;
    log(`load: ${options.concurrency} clients for ${options.seconds} s against ${url} (${seeds.length} chart seeds)`);
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const kind = pick(random);
        const [query, variables] =
          kind === 'linkChart'
            ? [LINK_CHART, { seeds: [seeds[Math.floor(random() * seeds.length)]] }]
            : kind === 'search'
              ? [SEARCH, { text: SEARCH_TEXTS[Math.floor(random() * SEARCH_TEXTS.length)] }]
              : kind === 'ringCandidates'
                ? [RING_CANDIDATES, {}]
                : [INGEST, { batch: smallBatch() }];
        const t0 = performance.now();
        try {
          const answer = await client.call(kind, query, variables);
          latencies[kind].push(performance.now() - t0);
          if (answer.status !== 200 || answer.body.errors?.length || !answer.body.data) {
            errors[kind] += 1;
            if (examples.length < 5)
              examples.push(`${kind}: HTTP ${answer.status} ${JSON.stringify(answer.body.errors)}`);
          }
        } catch (error) {
          latencies[kind].push(performance.now() - t0);
          errors[kind] += 1;
          if (examples.length < 5) examples.push(`${kind}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;

    const rows: Record<string, unknown>[] = [];
    const summarise = (op: string, values: number[], failed: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      const row = {
        bench: 'load',
        op,
        requests: values.length,
        rps: Number((values.length / seconds).toFixed(1)),
        p50: Number(percentile(sorted, 50).toFixed(1)),
        p95: Number(percentile(sorted, 95).toFixed(1)),
        p99: Number(percentile(sorted, 99).toFixed(1)),
        errors: failed,
      };
      rows.push(row);
      return row;
    };
    for (const [kind] of MIX) summarise(kind, latencies[kind], errors[kind]);
    const all = summarise(
      'all',
      Object.values(latencies).flat(),
      Object.values(errors).reduce((a, b) => a + b, 0),
    );
    process.stdout.write(
      `load: ${options.concurrency} clients, ${seconds.toFixed(1)} s, ${options.preset} scenario${options.url ? ` at ${options.url}` : ''}\n` +
        `${'op'.padEnd(15)}${'requests'.padStart(9)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}\n` +
        rows
          .map(
            (r) =>
              `${String(r['op']).padEnd(15)}${String(r['requests']).padStart(9)}${String(r['rps']).padStart(9)}` +
              `${String(r['p50']).padStart(9)}${String(r['p95']).padStart(9)}${String(r['p99']).padStart(9)}${String(r['errors']).padStart(8)}`,
          )
          .join('\n') +
        '\n',
    );
    for (const example of examples) process.stdout.write(`  error: ${example}\n`);
    for (const row of rows) {
      process.stdout.write(
        `${JSON.stringify({ ...row, seconds: Number(seconds.toFixed(1)), concurrency: options.concurrency, preset: options.preset })}\n`,
      );
    }
    return all.errors > 0 ? 1 : 0;
  } finally {
    await running?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`load: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
