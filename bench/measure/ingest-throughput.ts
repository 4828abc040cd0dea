import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScenario, type ScenarioOptionsInput } from '../../seed/index.ts';
import { createLogger } from '../../src/app/logger.ts';
import { startService, type RunningService } from '../../src/app/start-service.ts';
import { signToken } from '../../src/auth/sign-token.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { Database } from '../../src/db/database.ts';
import { LocalNeo4j } from '../../src/db/local-neo4j/local-neo4j.ts';
import type { EntityRefInput, IngestBatchInput } from '../../src/ingest/batch-types.ts';
import { appendChange } from '../../src/changes/change-event.ts';
import { applySchema } from '../../src/db/apply-schema.ts';
import { derivedIdOf } from '../../src/entities/entity-keys.ts';
import { countRecords, reportOf, writeRecords } from '../../src/ingest/ingest-batch.ts';
import { validateBatch } from '../../src/ingest/validate-batch.ts';
import { jvmCpuBetween, readJvmCpu, type JvmCpu } from './jvm-cpu.ts';

export interface IngestThroughput {
  batches: number;
  records: number;
  graphqlSeconds: number;
  graphqlRecordsPerSecond: number;
  /** The service's ingest called in its own process: GraphQL's and HTTP's share is the difference. */
  inProcessSeconds: number;
  inProcessRecordsPerSecond: number;
  /** Validating and normalising the batches alone, as ingest does before it writes (no database). */
  validationRecordsPerSecond: number;
  directSeconds: number;
  directRecordsPerSecond: number;
  /** GraphQL throughput as a share of the plain statements' writing the same data model. */
  ratio: number;
  /** Neo4j's CPU seconds while each side was timed, and how much of it went to JIT compilation. */
  neo4jCpu: Record<'graphql' | 'inProcess' | 'direct', JvmCpu | undefined>;
}

/** Seconds of a timed run, with what Neo4j's JVM spent meanwhile. */
interface Timed {
  seconds: number;
  neo4jCpu: JvmCpu | undefined;
}

const PASSWORD = 'ringwatch-bench';
const SECRET = 'ringwatch-bench-secret-0123456789-abcdefghijklmnop';

/** A fresh embedded Neo4j for one side of the comparison, so neither side sees the other's data. */
async function withFreshNeo4j<T>(
  work: (uri: string, timed: (run: () => Promise<void>) => Promise<Timed>) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ringwatch-bench-'));
  const neo4j = new LocalNeo4j({ dataDir, password: PASSWORD, heap: '2g', pageCache: '2g' });
  const timed = async (run: () => Promise<void>): Promise<Timed> => {
    const cpuBefore = readJvmCpu(neo4j.pid);
    const started = performance.now();
    await run();
    const seconds = (performance.now() - started) / 1000;
    return { seconds, neo4jCpu: jvmCpuBetween(cpuBefore, readJvmCpu(neo4j.pid)) };
  };
  try {
    return await work((await neo4j.start()).boltUri, timed);
  } finally {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Test cities of other seeds under other record ids, sent untimed before the measured one on
 * every side. A cold JVM compiles Neo4j's write path for a long while: after one such city
 * the JIT compiler still took a large part of Neo4j's CPU during the timed part, after four
 * about a fifth (the benchmark prints that share), so the figures are close to the steady
 * state a running service reaches.
 */
const WARM_UP_CITIES = 4;

function warmUpBatches(seed: number): IngestBatchInput[] {
  return Array.from({ length: WARM_UP_CITIES }, (_, city) => renamedCity(seed + 1_000 + city, `warm${city}-`)).flat();
}

/** The test city of this seed in batches of 5,000, every record id and batch key under `prefix`. */
export function renamedCity(seed: number, prefix: string): IngestBatchInput[] {
  const rename = <T extends { externalId: string }>(record: T): T => ({
    ...record,
    externalId: `${prefix}${record.externalId}`,
  });
  const renameRef = (ref: EntityRefInput): EntityRefInput => (ref.kind === 'PHONE' ? ref : rename(ref));
  return [...generateScenario({ preset: 'test', seed, batchSize: 5_000 })].map((batch) => {
    const b = batch as IngestBatchInput;
    return {
      ...b,
      idempotencyKey: `${prefix}${b.idempotencyKey}`,
      people: b.people?.map(rename) ?? null,
      brokers: b.brokers?.map(rename) ?? null,
      cases: b.cases?.map(rename) ?? null,
      crossings: b.crossings?.map((c) => ({ ...rename(c), person: renameRef(c.person) })) ?? null,
      links: b.links?.map((l) => ({ ...l, from: renameRef(l.from), to: renameRef(l.to) })) ?? null,
    };
  });
}

/**
 * A batch as the plain side writes it: checked and keyed by the ingest's own validation, untimed,
 * with every reference resolved to the id a new store derives for it (no lookup in the store).
 */
async function directRows(batch: IngestBatchInput) {
  const everythingKnown = async (keys: readonly string[]) =>
    new Map(keys.map((key) => [key, { id: derivedIdOf(key), dateOfBirth: null }]));
  const validated = await validateBatch(batch, everythingKnown);
  return { source: batch.source, key: `${batch.source}|${batch.idempotencyKey}`, validated };
}

/**
 * The plain side: each batch in one transaction of plain driver statements that write the
 * service's own data model (the ingest's UNWIND statements: entities, source records, links
 * with their provenance, the batch's report under its key, the change feed's record), under
 * the service's own constraints and indexes, without validation, lookups, GraphQL, HTTP, auth
 * or audit around them. GraphQL over this is what the service itself costs.
 */
async function writeDirect(db: Database, rows: Awaited<ReturnType<typeof directRows>>): Promise<void> {
  const now = new Date().toISOString();
  await db.writeTransaction(
    async (tx) => {
      await tx.run('ingest/claim-batch', { key: rows.key, now });
      const written = await writeRecords(tx, rows.validated, now);
      const report = reportOf(countValid(rows.validated), rows.validated);
      await tx.run('ingest/save-batch-report', { key: rows.key, report: JSON.stringify(report), now });
      await appendChange(tx, { kind: 'INGEST', batchId: rows.key, source: rows.source, ...written });
    },
    { timeoutMs: 300_000 },
  );
}

function countValid(v: Awaited<ReturnType<typeof directRows>>['validated']): number {
  return v.people.length + v.phones.length + v.brokers.length + v.cases.length + v.crossings.length + v.links.length;
}

/** The time the batches take through a fresh service, sent one after another by `send`, after the warm-up. */
async function timeThroughService(
  warmUp: readonly IngestBatchInput[],
  batches: readonly IngestBatchInput[],
  send: (service: RunningService, batch: IngestBatchInput) => Promise<void>,
): Promise<Timed> {
  return withFreshNeo4j(async (uri, timed) => {
    const config = loadConfig({
      PORT: '0',
      NEO4J_URI: uri,
      NEO4J_PASSWORD: PASSWORD,
      SEED_DEMO: 'false',
      AUTH_JWT_SECRET: SECRET,
    });
    const service = await startService(config, createLogger('silent'));
    try {
      for (const batch of warmUp) await send(service, batch);
      return await timed(async () => {
        for (const batch of batches) await send(service, batch);
      });
    } finally {
      await service.close();
    }
  });
}

/**
 * Records per second through the GraphQL ingest mutation over HTTP on loopback, beside the
 * service's ingest called in its own process (what GraphQL and HTTP add is the difference)
 * and the same data model written by plain driver statements (writeDirect), each into a fresh
 * Neo4j warmed up by the same untimed load first.
 */
export async function measureIngestThroughput(scenario: ScenarioOptionsInput): Promise<IngestThroughput> {
  const batches = [...generateScenario({ batchSize: 5_000, ...scenario })] as IngestBatchInput[];
  const records = batches.reduce((total, batch) => total + countRecords(batch), 0);
  const warmUp = warmUpBatches(scenario.seed ?? 1);

  // One ingest token per agency, as each agency's system sends only its own sources.
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (source: string) => {
    if (!tokens.has(source)) tokens.set(source, signToken(SECRET, { sub: 'bench', roles: ['ingest'], agency: source }));
    return tokens.get(source)!;
  };
  const graphql = await timeThroughService(warmUp, batches, async (service, batch) => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(batch.source)}` },
      body: JSON.stringify({
        query: 'mutation($b: IngestBatchInput!) { ingest(batch: $b) { accepted rejected } }',
        variables: { b: batch },
      }),
    });
    const body = (await response.json()) as { errors?: unknown[]; data?: { ingest: { rejected: number } } };
    if (body.errors) throw new Error(`ingest failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
  });
  const inProcess = await timeThroughService(warmUp, batches, async (service, batch) => {
    await service.services.ingest.ingest(batch);
  });

  const validationStarted = performance.now();
  const prepared: Awaited<ReturnType<typeof directRows>>[] = [];
  for (const batch of batches) prepared.push(await directRows(batch));
  const validationSeconds = (performance.now() - validationStarted) / 1000;
  const preparedWarmUp = await Promise.all(warmUp.map(directRows));
  const direct = await withFreshNeo4j(async (uri, timed) => {
    const db = await Database.connect({ uri, user: 'neo4j', password: PASSWORD, database: 'neo4j' });
    const write = async (sections: readonly Awaited<ReturnType<typeof directRows>>[]) => {
      for (const rows of sections) await writeDirect(db, rows);
    };
    try {
      await applySchema(db);
      await write(preparedWarmUp);
      return await timed(() => write(prepared));
    } finally {
      await db.close();
    }
  });

  return {
    batches: batches.length,
    records,
    graphqlSeconds: graphql.seconds,
    graphqlRecordsPerSecond: records / graphql.seconds,
    inProcessSeconds: inProcess.seconds,
    inProcessRecordsPerSecond: records / inProcess.seconds,
    validationRecordsPerSecond: records / validationSeconds,
    directSeconds: direct.seconds,
    directRecordsPerSecond: records / direct.seconds,
    ratio: direct.seconds / graphql.seconds,
    neo4jCpu: { graphql: graphql.neo4jCpu, inProcess: inProcess.neo4jCpu, direct: direct.neo4jCpu },
  };
}
