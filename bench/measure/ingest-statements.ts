import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type ProfiledPlan, type Session } from 'neo4j-driver';
import { applySchema } from '../../src/db/apply-schema.ts';
import { CypherRegistry } from '../../src/db/cypher-registry.ts';
import { Database } from '../../src/db/database.ts';
import { LocalNeo4j } from '../../src/db/local-neo4j/local-neo4j.ts';

/**
 * The near-copy ingest statements (cypher/ingest/upsert-{people,brokers,cases},
 * link-{uses-phone,recruited-by,operates,knows,relative-of}) as they are, one statement per
 * label or relationship type, beside the one statement that could replace each group: the
 * label or type given per row as a dynamic label or type (`$(row.label)`, Neo4j 5.26). Each
 * side writes the same rows into a fresh part of one store: its db hits by PROFILE, and the
 * median time of the same work without PROFILE. Decision 0022 records the figures.
 */
export interface StatementFigures {
  statement: string;
  rows: number;
  dbHits: number;
  /** Median of the timed repetitions, each on new rows (the create path of every MERGE). */
  milliseconds: number;
  /** Set when Neo4j refused the statement; then there are no figures. */
  error?: string;
}

const PASSWORD = 'ringwatch-bench';
const ROWS = 2_000;
const REPETITIONS = 5;

const registry = CypherRegistry.load();

/** upsert-people written once for every kind of record entity: the label per row. */
const DYNAMIC_UPSERT = `
UNWIND $rows AS row
MERGE (s:SourceRecord {key: row.key})
  ON CREATE SET s.kind = row.kind, s.source = row.source, s.externalId = row.externalId, s.firstSeen = $now
SET s.lastSeen = $now
WITH s, row
OPTIONAL MATCH (s)-[:RECORDS]->(known:$(row.label))
MERGE (e:$(row.label):Entity {id: coalesce(known.id, row.id)})
  ON CREATE SET e.createdAt = $now
SET e += CASE WHEN e.id = row.id THEN row.props ELSE {} END, e.updatedAt = $now
MERGE (s)-[:RECORDS]->(e)
RETURN row.key AS key, e.id AS id`;

/** link-recruited-by written once for every directed type: the type per row. */
const DYNAMIC_LINK = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId})
MATCH (b:Entity {id: row.toId})
MERGE (a)-[r:$(row.type)]->(b)
  ON CREATE SET r.firstSeen = $now, r.sources = []
SET r.lastSeen = $now,
    r.sources = CASE WHEN row.source IN r.sources THEN r.sources ELSE r.sources + row.source END
WITH row, r
WHERE r.firstSeen = $now
RETURN row.fromId AS fromId, row.toId AS toId, null AS role`;

function totalDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function peopleRows(prefix: string, dynamic: boolean) {
  return Array.from({ length: ROWS }, (_, i) => ({
    key: `PERSON|bench|${prefix}${i}`,
    id: `per_${prefix}${i}`,
    source: 'bench',
    externalId: `${prefix}${i}`,
    props: { fullName: `Person ${prefix}${i}` },
    ...(dynamic ? { label: 'Person', kind: 'PERSON' } : {}),
  }));
}

function brokerRows(prefix: string) {
  return Array.from({ length: ROWS }, (_, i) => ({
    key: `BROKER|bench|${prefix}${i}`,
    id: `bro_${prefix}${i}`,
    source: 'bench',
    externalId: `${prefix}${i}`,
    props: { name: `Broker ${prefix}${i}` },
  }));
}

function linkRows(prefix: string, dynamic: boolean) {
  return Array.from({ length: ROWS }, (_, i) => ({
    fromId: `per_${prefix}${i}`,
    toId: `bro_${prefix}${(i * 7) % ROWS}`,
    source: 'bench',
    ...(dynamic ? { type: 'RECRUITED_BY' } : {}),
  }));
}

async function measure(
  session: Session,
  statement: string,
  text: string,
  rows: (prefix: string) => Record<string, unknown>[],
  before: (prefix: string) => Promise<void>,
): Promise<StatementFigures> {
  const now = new Date().toISOString();
  try {
    await before('p-');
    const profiled = await session.run(`PROFILE ${text}`, { rows: rows('p-'), now });
    const dbHits = profiled.summary.profile ? totalDbHits(profiled.summary.profile) : 0;
    const times: number[] = [];
    // One untimed run first, so the plan is cached and the JIT has seen the statement.
    for (let rep = 0; rep <= REPETITIONS; rep++) {
      const prefix = `t${rep}-`;
      await before(prefix);
      const started = performance.now();
      await session.run(text, { rows: rows(prefix), now });
      if (rep > 0) times.push(performance.now() - started);
    }
    return { statement, rows: ROWS, dbHits, milliseconds: median(times) };
  } catch (error) {
    return { statement, rows: ROWS, dbHits: 0, milliseconds: 0, error: (error as Error).message.split('\n')[0]! };
  }
}

/**
 * On a fresh embedded Neo4j, or on the server given (NEO4J_URI, NEO4J_PASSWORD), whose data it
 * leaves alone: every row it writes has an id of its own under the source "bench".
 */
export async function measureIngestStatements(
  options: { boltPort?: number; server?: { uri: string; password: string } } = {},
): Promise<StatementFigures[]> {
  if (options.server) return measureOn(options.server.uri, options.server.password);
  const dataDir = mkdtempSync(join(tmpdir(), 'ringwatch-bench-'));
  const local = new LocalNeo4j({
    dataDir,
    password: PASSWORD,
    heap: '1g',
    pageCache: '512m',
    boltPort: options.boltPort ?? 0,
    // On a loaded machine a cold start takes minutes; this is a measurement, not a health check.
    startTimeoutMs: 600_000,
  });
  try {
    const { boltUri } = await local.start();
    return await measureOn(boltUri, PASSWORD);
  } finally {
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureOn(boltUri: string, password: string): Promise<StatementFigures[]> {
  const db = await Database.connect({ uri: boltUri, user: 'neo4j', password, database: 'neo4j' });
  await applySchema(db);
  await db.close();
  const driver = neo4j.driver(boltUri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
  const session = driver.session({ database: 'neo4j' });
  const now = new Date().toISOString();
  const nothing = async () => undefined;
  // Each side its own rows: the link sides first get the people and brokers they join.
  const endsFor = (side: string) => async (prefix: string) => {
    await session.run(registry.get('ingest/upsert-people'), { rows: peopleRows(`${side}${prefix}`, false), now });
    await session.run(registry.get('ingest/upsert-brokers'), { rows: brokerRows(`${side}${prefix}`), now });
  };
  try {
    return [
      await measure(
        session,
        'ingest/upsert-people (as it is)',
        registry.get('ingest/upsert-people'),
        (p) => peopleRows(`s-${p}`, false),
        nothing,
      ),
      await measure(
        session,
        'one upsert for every kind, label per row',
        DYNAMIC_UPSERT,
        (p) => peopleRows(`d-${p}`, true),
        nothing,
      ),
      await measure(
        session,
        'ingest/link-recruited-by (as it is)',
        registry.get('ingest/link-recruited-by'),
        (p) => linkRows(`ls-${p}`, false),
        endsFor('ls-'),
      ),
      await measure(
        session,
        'one link statement for every directed type, type per row',
        DYNAMIC_LINK,
        (p) => linkRows(`ld-${p}`, true),
        endsFor('ld-'),
      ),
    ];
  } finally {
    await session.close();
    await driver.close();
  }
}
