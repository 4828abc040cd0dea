import { request } from 'node:http';
import { LOCAL_NEO4J_DEFAULT_PASSWORD } from '../../src/config/load-config.ts';
import { Database } from '../../src/db/database.ts';
import type { IngestBatchInput, IngestReport, LinkInput } from '../../src/ingest/batch-types.ts';
import { sourceKey } from '../../src/entities/entity-keys.ts';
import { normalizePhone } from '../../src/entities/normalize-phone.ts';
import { AuditTrail } from '../../src/audit/audit-trail.ts';
import { verifyChain, type ChainVerdict } from '../../src/audit/verify-chain.ts';
import { INGEST, TEST_JWT_SECRET, defaultHeaders, graphql, type GraphQLResponse } from '../support/service.ts';
import { ServiceProcess, freePort, healthStatus } from '../support/service-process.ts';

/**
 * How long the service's embedded Neo4j may take to start (NEO4J_START_TIMEOUT_SECONDS). A JVM
 * start took 43 s on this project's shared 2-core machine at load average 1-5 and 140-162 s at
 * 20-36, past the service's default of 120 s; 300 s keeps a start on a loaded runner a start.
 */
export const START_LIMIT_SECONDS = 300;
/** A restart of the database or the service: one start within its limit, the supervisor's first delay, a health probe. */
export const RESTART_BOUND_MS = START_LIMIT_SECONDS * 1000 + 30_000;
/** The second instance's detection lease: short, so that the lock of a killed holder frees within the test. */
export const SECOND_LEASE_SECONDS = 6;

const common = {
  SEED_DEMO: 'false',
  AUTH_JWT_SECRET: TEST_JWT_SECRET,
  // The faults are the point here, not the per-token rate limit (it has its own test).
  RATE_LIMIT_PER_SECOND: '10000',
  RATE_LIMIT_BURST: '10000',
};

/**
 * The service as its own process on its own embedded Neo4j, as an operator runs it; the Bolt port
 * fixed, so that a restarted database is where a second instance's NEO4J_URI points.
 */
export function startService(dataDir: string, port: number, boltPort: number): ServiceProcess {
  return new ServiceProcess({
    ...common,
    PORT: String(port),
    DATA_DIR: dataDir,
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '256m',
    NEO4J_BOLT_PORT: String(boltPort),
    NEO4J_START_TIMEOUT_SECONDS: String(START_LIMIT_SECONDS),
  });
}

/** A second instance on the first one's Neo4j, as behind a load balancer (README: Several instances). */
export function startSecondInstance(dataDir: string, port: number, neo4jUri: string): ServiceProcess {
  return new ServiceProcess({
    ...common,
    PORT: String(port),
    DATA_DIR: dataDir,
    NEO4J_URI: neo4jUri,
    NEO4J_PASSWORD: process.env['NEO4J_PASSWORD'] ?? LOCAL_NEO4J_DEFAULT_PASSWORD,
    DETECTION_LEASE_SECONDS: String(SECOND_LEASE_SECONDS),
  });
}

/**
 * The tier's ports: FAULTS_PORT_BASE and the ones after it when set (a shared machine gives each
 * user a range), free ones otherwise.
 */
export async function faultPorts(count: number): Promise<number[]> {
  const base = Number(process.env['FAULTS_PORT_BASE'] ?? 0);
  if (base > 0) return Array.from({ length: count }, (_, i) => base + i);
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/**
 * Polls `probe` until it answers true, at most `timeoutMs`. A probe answers true or what it saw
 * instead ("503", "connection refused"), and a wait that runs out says which wait it was, for
 * what, and what it saw last, so a failing fault test points at the dependency that was missing.
 * `hopeless` ends the wait at once when it names a reason (the service has exited).
 */
export async function waitUntil(
  what: string,
  timeoutMs: number,
  probe: () => Promise<true | string>,
  hopeless: () => string | undefined = () => undefined,
): Promise<number> {
  const started = Date.now();
  let last = 'nothing yet';
  while (Date.now() - started < timeoutMs) {
    const reason = hopeless();
    if (reason) throw new Error(`gave up waiting for ${what} after ${Date.now() - started} ms: ${reason}`);
    const seen = await probe().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    if (seen === true) return Date.now() - started;
    last = seen;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${last}`);
}

/** How the service's process ended, or undefined while it runs. */
function exited(service: ServiceProcess): string | undefined {
  const { exitCode, signalCode } = service.child;
  if (exitCode !== null) return `exit code ${exitCode}`;
  return signalCode ?? undefined;
}

/**
 * /health answering 200: the service's own view that its database is up and it can serve. With
 * the service given, the wait ends as soon as it exits, and its log's tail comes with the error.
 */
export async function waitHealthy(
  port: number,
  timeoutMs = RESTART_BOUND_MS,
  why = 'the service',
  service?: ServiceProcess,
): Promise<number> {
  const probe = async (): Promise<true | string> => {
    const status = await healthStatus(port);
    return status === 200 || (status === 0 ? 'no answer (refused, or none within 3 s)' : `HTTP ${status}`);
  };
  const gone = () => {
    const how = service && exited(service);
    return how ? `the service exited (${how})` : undefined;
  };
  try {
    return await waitUntil(`${why}: /health on ${port} to answer 200`, timeoutMs, probe, gone);
  } catch (error) {
    if (!service) throw error;
    throw new Error(`${(error as Error).message}\nthe service's log:\n${logExcerpt(service)}`);
  }
}

/** The service's current Neo4j answering a query over a connection of our own. */
export function waitDatabase(service: ServiceProcess, timeoutMs = 60_000, why = 'the service'): Promise<number> {
  return waitUntil(`${why}: its Neo4j to answer a query`, timeoutMs, async () => {
    const db = await connectTo(service);
    try {
      await db.runText('RETURN 1');
      return true;
    } finally {
      await db.close();
    }
  });
}

/**
 * What every fault test depends on before it starts, each wait with its own bound: the service
 * serving (/health 200) and its database reachable by the test's own checks. Returns how long
 * each took, for the log.
 */
export async function waitReady(
  service: ServiceProcess,
  port: number,
  why: string,
  bounds: { healthMs?: number; databaseMs?: number } = {},
): Promise<{ healthMs: number; databaseMs: number }> {
  const how = exited(service);
  if (how) throw new Error(`${why}: the service has exited (${how})`);
  const healthMs = await waitHealthy(port, bounds.healthMs ?? 120_000, why, service);
  const databaseMs = await waitDatabase(service, bounds.databaseMs ?? 60_000, why);
  return { healthMs, databaseMs };
}

/** The Bolt address of the service's current Neo4j, from its log ("local Neo4j ready|restarted at ..."). */
export function boltUri(service: ServiceProcess): string {
  const found = [...service.output.matchAll(/local Neo4j (?:ready|restarted) at (\S+) \(pid \d+\)/g)].at(-1)?.[1];
  if (!found) throw new Error(`no Neo4j address in the service's log:\n${service.output.slice(-2000)}`);
  return found;
}

/** A connection of our own to the service's Neo4j, with the embedded default password. */
export function connectTo(service: ServiceProcess): Promise<Database> {
  return Database.connect({
    uri: boltUri(service),
    user: 'neo4j',
    password: process.env['NEO4J_PASSWORD'] ?? LOCAL_NEO4J_DEFAULT_PASSWORD,
    database: 'neo4j',
  });
}

export function ingest(url: string, batch: IngestBatchInput): Promise<GraphQLResponse<{ ingest: IngestReport }>> {
  return graphql<{ ingest: IngestReport }>(url, INGEST, { batch });
}

export const DETECT = 'mutation { detectRings(options: { seed: 7 }) { id ringCount } }';

/**
 * A batch of 4 × people records: people, a phone each, USES_PHONE and a KNOWS chain. `prefix`
 * (two digits after +84) keeps each test's numbers apart.
 */
export function largeBatch(
  source: string,
  key: string,
  people: number,
  prefix: '91' | '94' | '97' | '98',
): IngestBatchInput {
  const numbers = Array.from({ length: people }, (_, i) => `+84${prefix}${String(i).padStart(7, '0')}`);
  const person = (i: number) => ({ kind: 'PERSON' as const, externalId: `p${i}` });
  const links: LinkInput[] = [];
  for (let i = 0; i < people; i++) {
    links.push({ type: 'USES_PHONE', from: person(i), to: { kind: 'PHONE', externalId: numbers[i]! } });
    links.push({ type: 'KNOWS', from: person(i), to: person((i + 1) % people) });
  }
  return {
    source,
    idempotencyKey: key,
    people: Array.from({ length: people }, (_, i) => ({ externalId: `p${i}`, fullName: `Nguyễn Văn ${i}` })),
    phones: numbers.map((number) => ({ number })),
    links,
  };
}

/**
 * Sends a batch over a raw connection and cuts the connection once the body has gone out
 * and the service has had `afterMs` to start on it: a client that gives up mid-request.
 */
export async function sendAndDisconnect(port: number, batch: IngestBatchInput, afterMs: number): Promise<void> {
  const body = JSON.stringify({ query: INGEST, variables: { batch } });
  const headers = await defaultHeaders();
  await new Promise<void>((done, fail) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/graphql',
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('error', () => undefined);
    req.on('response', () => fail(new Error('the service answered before the client gave up; send more records')));
    req.on('finish', () =>
      setTimeout(() => {
        req.destroy();
        done();
      }, afterMs),
    );
    req.end(body);
  });
}

/** What the clients saw acknowledged: every record of every batch the service accepted. */
export class Ledger {
  private readonly entityKeys = new Set<string>();
  private readonly links = new Map<string, { type: string; from: Ref; to: Ref; source: string }>();
  batches = 0;

  acknowledge(batch: IngestBatchInput, report: IngestReport): void {
    this.batches += 1;
    const refused = new Set(report.errors.map((e) => `${e.section}:${e.index}`));
    const ok = (section: string, index: number) => !refused.has(`${section}:${index}`);
    const { source } = batch;
    batch.people?.forEach((p, i) => ok('people', i) && this.entityKeys.add(sourceKey('PERSON', source, p.externalId)));
    batch.brokers?.forEach(
      (b, i) => ok('brokers', i) && this.entityKeys.add(sourceKey('BROKER', source, b.externalId)),
    );
    batch.cases?.forEach((c, i) => ok('cases', i) && this.entityKeys.add(sourceKey('CASE', source, c.externalId)));
    batch.crossings?.forEach(
      (c, i) => ok('crossings', i) && this.entityKeys.add(sourceKey('BORDER_CROSSING', source, c.externalId)),
    );
    batch.phones?.forEach((p, i) => {
      const e164 = normalizePhone(p.number, p.defaultCountry ?? 'VN');
      if (ok('phones', i) && e164) this.entityKeys.add(sourceKey('PHONE', source, e164));
    });
    batch.links?.forEach((l, i) => {
      if (!ok('links', i)) return;
      const from = ref(l.from, source);
      const to = ref(l.to, source);
      const ends = [from.key, to.key];
      if (UNDIRECTED.has(l.type)) ends.sort();
      this.links.set(`${l.type}|${ends.join('|')}|${source}`, { type: l.type, from, to, source });
    });
  }

  get records(): number {
    return this.entityKeys.size + this.links.size;
  }

  /** Acknowledged records missing from the database, and those present more than once. */
  async check(db: Database): Promise<{ checked: number; lost: number; duplicates: number }> {
    const [entities] = await db.runText<{ lost: number; doubled: number }>(
      `UNWIND $keys AS key
       OPTIONAL MATCH (s:SourceRecord {key: key})
       OPTIONAL MATCH (s)-[:RECORDS]->(e)
       WITH key, count(DISTINCT s) AS records, count(DISTINCT e) AS entities
       RETURN sum(CASE WHEN records = 0 OR entities = 0 THEN 1 ELSE 0 END) AS lost,
              sum(CASE WHEN records > 1 OR entities > 1 THEN 1 ELSE 0 END) AS doubled`,
      { keys: [...this.entityKeys] },
    );
    const [links] = await db.runText<{ lost: number; doubled: number }>(
      `UNWIND $links AS l
       OPTIONAL MATCH (p:Phone {e164: l.fromPhone})
       OPTIONAL MATCH (:SourceRecord {key: l.fromKey})-[:RECORDS]->(e)
       WITH l, coalesce(p, e) AS a
       OPTIONAL MATCH (q:Phone {e164: l.toPhone})
       OPTIONAL MATCH (:SourceRecord {key: l.toKey})-[:RECORDS]->(f)
       WITH l, a, coalesce(q, f) AS b
       OPTIONAL MATCH (a)-[r]-(b)
         WHERE type(r) = l.type AND l.source IN r.sources AND (l.undirected OR startNode(r) = a)
       WITH l, count(r) AS found
       RETURN sum(CASE WHEN found = 0 THEN 1 ELSE 0 END) AS lost,
              sum(CASE WHEN found > 1 THEN 1 ELSE 0 END) AS doubled`,
      {
        links: [...this.links.values()].map((l) => ({
          type: l.type,
          source: l.source,
          undirected: UNDIRECTED.has(l.type),
          fromPhone: l.from.phone,
          fromKey: l.from.phone ? null : l.from.key,
          toPhone: l.to.phone,
          toKey: l.to.phone ? null : l.to.key,
        })),
      },
    );
    return {
      checked: this.records,
      lost: (entities?.lost ?? 0) + (links?.lost ?? 0),
      duplicates: (entities?.doubled ?? 0) + (links?.doubled ?? 0),
    };
  }
}

interface Ref {
  key: string;
  phone: string | null;
}

const UNDIRECTED = new Set(['KNOWS', 'RELATIVE_OF']);

function ref(r: { kind: string; externalId: string; source?: string | null }, source: string): Ref {
  if (r.kind === 'PHONE') {
    const e164 = normalizePhone(r.externalId, 'VN') ?? r.externalId;
    return { key: `PHONE|${e164}`, phone: e164 };
  }
  return { key: sourceKey(r.kind as 'PERSON', r.source ?? source, r.externalId), phone: null };
}

/** Duplicates anywhere in the store: a record key twice, a record of two entities, a link twice. */
export async function countDuplicates(db: Database): Promise<number> {
  const [row] = await db.runText<{ keys: number; records: number; links: number; undirected: number; batches: number }>(
    `CALL { MATCH (s:SourceRecord) WITH s.key AS k, count(*) AS c WHERE c > 1 RETURN count(*) AS keys }
     CALL { MATCH (s:SourceRecord)-[:RECORDS]->(e) WITH s, count(e) AS c WHERE c > 1 RETURN count(*) AS records }
     CALL {
       MATCH (a)-[r:USES_PHONE|CALLED|RECRUITED_BY|INVOLVED_IN|OPERATES|MADE|AT]->(b)
       WITH a, b, type(r) AS t, count(r) AS c WHERE c > 1 RETURN count(*) AS links
     }
     CALL {
       MATCH (a)-[r:KNOWS|RELATIVE_OF]-(b) WHERE elementId(a) < elementId(b)
       WITH a, b, type(r) AS t, count(r) AS c WHERE c > 1 RETURN count(*) AS undirected
     }
     CALL { MATCH (b:IngestBatch) WITH b.key AS k, count(*) AS c WHERE c > 1 RETURN count(*) AS batches }
     RETURN keys, records, links, undirected, batches`,
  );
  return row ? row.keys + row.records + row.links + row.undirected + row.batches : 0;
}

export function verifyAudit(db: Database): Promise<ChainVerdict> {
  return verifyChain(new AuditTrail(db));
}

/**
 * Runs an operation until it succeeds, returning its answer and how long the retries took. The
 * bound holds for an attempt still running too: one that hangs past it fails the wait, named.
 */
export async function retryUntilOk<T>(
  attempt: () => Promise<GraphQLResponse<T>>,
  timeoutMs: number,
  what: string,
): Promise<{ answer: GraphQLResponse<T>; attempts: number; ms: number }> {
  const started = Date.now();
  let last: GraphQLResponse<T> | undefined;
  for (let attempts = 1; Date.now() - started < timeoutMs; attempts++) {
    const left = timeoutMs - (Date.now() - started);
    last = await within(attempt(), left, `${what}: attempt ${attempts}`).catch((error: unknown) => ({
      errors: [{ message: String(error) }],
    }));
    if (!last.errors?.length && last.data) return { answer: last, attempts, ms: Date.now() - started };
    await new Promise((done) => setTimeout(done, 1_000));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what} to succeed; last answer ${JSON.stringify(last)}`,
  );
}

/** The promise's outcome, or an error naming `what` once `ms` have passed. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What the service's log says about its database (starts, exits, restarts, failed restarts) and
 * its last few lines, each cut short: the tail alone is mostly the retry loops' stack traces.
 */
export function logExcerpt(service: ServiceProcess): string {
  const lines = service.output.split('\n').filter((line) => line.trim() !== '');
  const text = (line: string): string => {
    try {
      const entry = JSON.parse(line) as { time?: number; msg?: string; err?: { message?: string } };
      const at = entry.time ? new Date(entry.time).toISOString().slice(11, 23) : '';
      return `${at} ${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message.slice(0, 200)}` : ''}`;
    } catch {
      return line.slice(0, 300);
    }
  };
  const database = lines.filter((line) => /Neo4j/.test(line)).map(text);
  return [...database.slice(-12), '...', ...lines.slice(-6).map(text)].join('\n');
}

/**
 * Waits until the service's Neo4j is running one of ring detection's statements (the thread's
 * reads are tagged `rings/...`, its write-back `operation: detectRings`) and answers which, so a
 * fault lands inside the detection thread on a fast machine as on a slow one. Fails, saying so,
 * when the detection answered before any was seen.
 */
export async function waitForDetectionStatement(
  db: Database,
  answered: () => boolean,
  timeoutMs = 60_000,
): Promise<string> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    // A SHOW command's RETURN takes fields, not expressions: the name is picked here.
    const [row] = await db.runText<{ metaData: { query?: string; operation?: string } }>(
      `SHOW TRANSACTIONS YIELD metaData
       WHERE metaData.app = 'ringwatch' AND (metaData.query STARTS WITH 'rings/' OR metaData.operation = 'detectRings')
       RETURN metaData LIMIT 1`,
    );
    if (row) return row.metaData.query ?? row.metaData.operation ?? 'a detection statement';
    if (answered()) throw new Error('detectRings answered before any of its statements was seen running in Neo4j');
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ring detection's statements to run in Neo4j`);
}
