import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../seed/load/load-scenario.ts';
import { resolveScenarioOptions, type ScenarioOptionsInput } from '../../seed/options.ts';
import { createLogger } from '../../src/app/logger.ts';
import { startService, type RunningService } from '../../src/app/start-service.ts';
import { signToken } from '../../src/auth/sign-token.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { LocalNeo4j } from '../../src/db/local-neo4j/local-neo4j.ts';
import type { IngestBatchInput } from '../../src/ingest/batch-types.ts';
import { percentile } from './percentile.ts';

const PASSWORD = 'ringwatch-bench';
const SECRET = 'ringwatch-bench-secret-0123456789-abcdefghijklmnop';

export interface LoadedCity {
  service: RunningService;
  token: string;
  /** A token of its own for one of several clients (an admin with both clearances, as `token`). */
  tokenFor(sub: string): Promise<string>;
  records: number;
  loadSeconds: number;
  referenceDate: string;
  close(): Promise<void>;
}

/** A fresh embedded Neo4j with a scenario loaded through the service's own ingest, and the service over it. */
export async function loadCity(scenario: ScenarioOptionsInput, log: (line: string) => void): Promise<LoadedCity> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ringwatch-bench-city-'));
  const city = await openCity(join(dataDir, 'neo4j'), resolveScenarioOptions(scenario).referenceDate, () =>
    rmSync(dataDir, { recursive: true, force: true }),
  );
  let lastLogged = 0;
  try {
    const summary = await loadScenario(
      scenario,
      (batch) => city.service.services.ingest.ingest(batch as IngestBatchInput),
      {
        onProgress: ({ records, estimatedTotal }) => {
          if (records - lastLogged < 200_000) return;
          lastLogged = records;
          log(`  loaded ${records.toLocaleString('en-US')} of ~${estimatedTotal.toLocaleString('en-US')} records`);
        },
      },
    );
    return { ...city, records: summary.records, loadSeconds: summary.seconds };
  } catch (error) {
    await city.close();
    throw error;
  }
}

/**
 * The city a `seed:load` left in `dataDir` (its DATA_DIR), opened as it is and kept afterwards:
 * loading the bench preset takes longer than the measurements on it.
 */
export async function openLoadedCity(dataDir: string, scenario: ScenarioOptionsInput): Promise<LoadedCity> {
  const city = await openCity(join(dataDir, 'neo4j'), resolveScenarioOptions(scenario).referenceDate, () => undefined);
  return { ...city, records: 0, loadSeconds: 0 };
}

async function openCity(
  storeDir: string,
  referenceDate: string,
  removeStore: () => void,
): Promise<Omit<LoadedCity, 'records' | 'loadSeconds'>> {
  // A long start bound: on a loaded machine a 4 GB heap and page cache take minutes to come up.
  const neo4j = new LocalNeo4j({
    dataDir: storeDir,
    password: PASSWORD,
    heap: '4g',
    pageCache: '4g',
    startTimeoutMs: 900_000,
  });
  const { boltUri } = await neo4j.start();
  try {
    const config = loadConfig({
      PORT: '0',
      NEO4J_URI: boltUri,
      NEO4J_PASSWORD: PASSWORD,
      SEED_DEMO: 'false',
      AUTH_JWT_SECRET: SECRET,
      // The benchmark's 32 clients share one token; the limit is for people, not for it.
      RATE_LIMIT_PER_SECOND: '1000000',
      RATE_LIMIT_BURST: '1000000',
    });
    const service = await startService(config, createLogger('silent'));
    const token = await signToken(SECRET, {
      sub: 'bench',
      roles: ['admin'],
      agency: 'bench',
      clearance: ['minors', 'victims'],
    });
    const tokenFor = (sub: string) =>
      signToken(SECRET, { sub, roles: ['admin'], agency: 'bench', clearance: ['minors', 'victims'] });
    return {
      service,
      token,
      tokenFor,
      referenceDate,
      close: async () => {
        await service.close();
        await neo4j.stop();
        removeStore();
      },
    };
  } catch (error) {
    await neo4j.stop();
    removeStore();
    throw error;
  }
}

export async function post(
  city: LoadedCity,
  query: string,
  variables: Record<string, unknown> = {},
  token: string = city.token,
) {
  const response = await fetch(`${city.service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'benchmark' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { message: string }[]; data?: Record<string, unknown> };
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

export interface LatencyFigures {
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** `clients` loops, each sending `request()` one after another, until `total` requests are done. */
export async function measureConcurrent(
  clients: number,
  total: number,
  request: (i: number, client: number) => Promise<unknown>,
): Promise<LatencyFigures> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        try {
          await request(i, client);
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
  };
}
