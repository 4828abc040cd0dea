import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../seed/index.ts';
import { bulkLoad, StoreNotEmptyError, type BulkLoadResult } from '../../src/app/bulk-load.ts';
import { createLogger } from '../../src/app/logger.ts';
import { startService, type RunningService } from '../../src/app/start-service.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { LocalNeo4j } from '../../src/db/local-neo4j/local-neo4j.ts';
import type { IngestBatchInput } from '../../src/ingest/batch-types.ts';
import { importFile } from '../../src/import/import-file.ts';
import type { ImportSummary } from '../../src/import/import-report.ts';
import { InProcessSender } from '../../src/import/send/in-process-sender.ts';
import { graphql, TEST_JWT_SECRET } from '../support/service.ts';

// A small city (the test preset, cut down) and a last batch that re-sends, corrects and breaks
// records: the bulk load must settle repeats as the ingest's MERGEs do and reject what it rejects.
const PASSWORD = 'ringwatch-bulk-test';
const START_TIMEOUT_MS = 600_000;
const work = mkdtempSync(join(tmpdir(), 'ringwatch-bulk-load-'));

function scenarioFile(): string {
  const batches = [
    ...generateScenario({
      preset: 'test',
      seed: 5,
      people: 600,
      rings: 3,
      licensedAgencies: 2,
      tourGroups: 2,
      ordinaryCases: 5,
      batchSize: 1_500,
    }),
  ] as IngestBatchInput[];
  const first = batches[0]!;
  const people = first.people ?? [];
  const [a, b, c] = [people[0]!, people[1]!, people[2]!];
  const phone = first.phones?.[0]?.number ?? '+84 912 345 678';
  const known = (links: string) => first.links?.find((l) => l.type === links);
  const involved = batches
    .flatMap((batch) => (batch.source === first.source ? (batch.links ?? []) : []))
    .find((l) => l.type === 'INVOLVED_IN' && l.from.kind === 'PERSON');
  const ref = (person: { externalId: string }) => ({ kind: 'PERSON' as const, externalId: person.externalId });
  const late: IngestBatchInput = {
    source: first.source,
    idempotencyKey: 'bulk-test-corrections',
    people: [
      { ...a, fullName: `${a.fullName} Corrected` },
      { externalId: 'bad-birth', fullName: 'Nguyễn Văn Sai', dateOfBirth: '2099-01-01' },
    ],
    phones: [{ number: phone }, { number: 'not a number' }],
    links: [
      { type: 'KNOWS', from: ref(c), to: ref(b) },
      { type: 'KNOWS', from: ref(b), to: ref(c) },
      {
        type: 'CALLED',
        from: { kind: 'PHONE', externalId: phone },
        to: { kind: 'PHONE', externalId: '+84 988 000 111' },
      },
      { type: 'USES_PHONE', from: ref(a), to: { kind: 'PHONE', externalId: phone } },
      { type: 'KNOWS', from: ref(a), to: { kind: 'PERSON', externalId: 'nobody' } },
      ...(involved ? [{ ...involved, role: 'WITNESS' as const }] : []),
      ...(known('RELATIVE_OF') ? [known('RELATIVE_OF')!] : []),
    ],
  };
  // Another agency reports a tie the first one reported, the other way round.
  const otherSource = batches.find((batch) => batch.source !== first.source)!.source;
  const reverse: IngestBatchInput = {
    source: otherSource,
    idempotencyKey: 'bulk-test-reverse',
    links: [{ type: 'KNOWS', from: { ...ref(b), source: first.source }, to: { ...ref(a), source: first.source } }],
  };
  // A call record sent again with a larger running total and a later call.
  const callBatch = batches.find((batch) => batch.links?.some((l) => l.type === 'CALLED'));
  const call = callBatch?.links?.find((l) => l.type === 'CALLED');
  const calls: IngestBatchInput[] = call
    ? [
        {
          source: callBatch!.source,
          idempotencyKey: 'bulk-test-calls',
          phones: (callBatch!.phones ?? []).filter((p) =>
            [call.from.externalId, call.to.externalId].includes(p.number),
          ),
          links: [{ ...call, count: (call.count ?? 1) + 40, at: '2026-06-01T10:00:00+07:00' }],
        },
      ]
    : [];
  const path = join(work, 'batches.ndjson');
  writeFileSync(path, [...batches, late, reverse, ...calls].map((batch) => JSON.stringify(batch)).join('\n'));
  return path;
}

const serviceEnv = (uri: string) =>
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NEO4J_URI: uri,
    NEO4J_PASSWORD: PASSWORD,
    SEED_DEMO: 'false',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_PER_SECOND: '10000',
    RATE_LIMIT_BURST: '10000',
    ALERTS_ENABLED: 'false',
  });

const TIMES = new Set(['createdAt', 'updatedAt', 'firstSeen', 'lastSeen', 'finishedAt']);
const withoutTimes = (props: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(props)
      .filter(([key]) => !TIMES.has(key))
      .sort(([x], [y]) => x.localeCompare(y)),
  );

/** Lists in the order a store happens to keep them (a node's relationships, its records) sorted, to compare. */
function sortedLists(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortedLists).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, sortedLists(inner)]));
  }
  return value;
}

interface Snapshot {
  nodes: string[];
  relationships: string[];
  entities: unknown[];
  search: unknown[];
  charts: unknown[];
}

const ENTITY = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      id
      kind
      label
      sources {
        source
        externalId
      }
      ... on Person {
        fullName
        dateOfBirth
        sex
        nationality
        documentNumbers
        province
        phones {
          id
        }
        relatives {
          id
        }
        cases {
          role
          case {
            id
          }
        }
      }
      ... on Phone {
        e164
        users {
          id
        }
      }
      ... on Broker {
        name
        licenseNumber
        licenseStatus
      }
      ... on Case {
        title
        status
        openedAt
        caseNumber
      }
      ... on BorderCrossing {
        direction
        at
        country
        vehiclePlate
      }
    }
  }
`;

/**
 * A read through the service, sent again while it answers DATABASE_TIMEOUT: on a loaded machine
 * the first reads of a cold store can outlast the read timeout, and this compares answers, not latency.
 */
async function read<T>(url: string, query: string, variables: Record<string, unknown>) {
  for (let attempt = 1; ; attempt++) {
    const answer = await graphql<T>(url, query, variables);
    const timedOut = answer.errors?.some((error) => error.extensions?.code === 'DATABASE_TIMEOUT');
    if (!timedOut || attempt === 6) return answer;
    await new Promise((done) => setTimeout(done, 2_000 * attempt));
  }
}

/** Everything the comparison looks at: the stored graph without times, and the service's own reads. */
async function snapshot(service: RunningService): Promise<Snapshot> {
  const db = service.services.db;
  const nodes = await db.runText<{ labels: string[]; props: Record<string, unknown> }>(
    'MATCH (n) WHERE n:Entity OR n:SourceRecord OR n:IngestBatch RETURN labels(n) AS labels, properties(n) AS props',
  );
  const relationships = await db.runText<{ type: string; from: string; to: string; props: Record<string, unknown> }>(
    `MATCH (a)-[r]->(b) WHERE (a:Entity OR a:SourceRecord) AND b:Entity
     RETURN type(r) AS type, coalesce(a.id, a.key) AS from, b.id AS to, properties(r) AS props`,
  );
  const ids = (
    await db.runText<{ id: string }>('MATCH (e:Entity) WHERE NOT e:Checkpoint RETURN e.id AS id ORDER BY id')
  ).map((row) => row.id);
  const sample = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 60)) === 0);
  const entities = [];
  for (const id of sample) entities.push(sortedLists(await read(service.url, ENTITY, { id })));
  const names = (
    await db.runText<{ name: string }>('MATCH (p:Person) RETURN p.fullName AS name ORDER BY p.id LIMIT 15')
  ).map((row) => row.name);
  const search = [];
  for (const text of names) {
    const answer = await read<{ search: { entity: { id: string }; matchedOn: string }[] }>(
      service.url,
      'query ($t: String!) { search(text: $t, first: 50) { entity { id } matchedOn } }',
      { t: text },
    );
    // Scores depend on the full-text index's history (documents replaced by updates): the hits are compared.
    search.push({
      text,
      hits: answer.data?.search.map((hit) => `${hit.entity.id} ${hit.matchedOn}`).sort() ?? [answer],
    });
  }
  const seeds = (
    await db.runText<{ id: string }>('MATCH (p:Person)-[]-() RETURN DISTINCT p.id AS id ORDER BY id LIMIT 8')
  ).map((row) => row.id);
  const charts = [];
  for (const seed of seeds) {
    const answer = await read<{
      linkChart: {
        nodes: { id: string; kind: string; label: string }[];
        edges: { source: string; target: string; type: string }[];
        truncated: boolean;
      };
    }>(
      service.url,
      'query ($s: [ID!]!) { linkChart(seeds: $s, depth: 2, maxNodes: 300) { nodes { id kind label } edges { source target type } truncated } }',
      { s: [seed] },
    );
    const chart = answer.data?.linkChart;
    charts.push(
      chart
        ? {
            seed,
            nodes: chart.nodes.map((n) => `${n.id} ${n.kind} ${n.label}`).sort(),
            edges: chart.edges.map((e) => `${e.source} ${e.type} ${e.target}`).sort(),
            truncated: chart.truncated,
          }
        : answer,
    );
  }
  return {
    nodes: nodes.map((n) => JSON.stringify([n.labels.sort(), withoutTimes(n.props)])).sort(),
    relationships: relationships.map((r) => JSON.stringify([r.type, r.from, r.to, withoutTimes(r.props)])).sort(),
    entities,
    search,
    charts,
  };
}

function rejections(summary: ImportSummary) {
  return { accepted: summary.accepted, rejected: summary.rejected, byCode: summary.rejectedByCode };
}

describe('bulk load (npm run import -- --bulk)', () => {
  let path: string;
  let loaded: BulkLoadResult;
  let bulk: Snapshot;
  let afterReingest: Snapshot;
  let reingest: ImportSummary;
  let feed: { before: number; after: number };
  let ingested: Snapshot;
  let ingestSummary: ImportSummary;

  beforeAll(async () => {
    path = scenarioFile();
    const dataDir = join(work, 'bulk');
    loaded = await bulkLoad(
      loadConfig({ DATA_DIR: dataDir, NEO4J_PASSWORD: PASSWORD, NEO4J_HEAP: '1g', NEO4J_PAGECACHE: '256m' }),
      { path, keepRunning: true, startTimeoutMs: START_TIMEOUT_MS },
    );
    const service = await startService(serviceEnv(loaded.neo4j!.uri), createLogger('silent'));
    try {
      bulk = await snapshot(service);
      const before = await service.services.changes.head();
      reingest = await importFile(path, { sender: new InProcessSender(service.services.ingest, 'bulk-loaded store') });
      feed = { before, after: await service.services.changes.head() };
      afterReingest = await snapshot(service);
    } finally {
      await service.close();
      await loaded.neo4j!.local.stop();
    }

    const local = new LocalNeo4j({
      dataDir: join(work, 'ingest'),
      password: PASSWORD,
      heap: '1g',
      pageCache: '256m',
      startTimeoutMs: START_TIMEOUT_MS,
    });
    const ready = await local.start();
    try {
      const other = await startService(serviceEnv(ready.boltUri), createLogger('silent'));
      try {
        ingestSummary = await importFile(path, {
          sender: new InProcessSender(other.services.ingest, 'ingested store'),
        });
        ingested = await snapshot(other);
      } finally {
        await other.close();
      }
    } finally {
      await local.stop();
    }
  }, 40 * 60_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('rejects the records the ingest rejects, with the same report', () => {
    expect(loaded.summary.rejected).toBeGreaterThanOrEqual(3);
    expect(rejections(loaded.summary)).toEqual(rejections(ingestSummary));
  });

  it('gives the same entities, relationships and provenance as the ingest', () => {
    expect(bulk.nodes.length).toBeGreaterThan(1_000);
    expect(bulk.relationships.length).toBeGreaterThan(1_000);
    expect(bulk.nodes).toEqual(ingested.nodes);
    expect(bulk.relationships).toEqual(ingested.relationships);
  });

  it('answers the service reads, search and link charts as the ingested store does', () => {
    expect(bulk.entities.length).toBeGreaterThan(30);
    expect(bulk.entities).toEqual(ingested.entities);
    expect(bulk.search.flatMap((s) => (s as { hits: string[] }).hits).length).toBeGreaterThan(10);
    expect(bulk.search).toEqual(ingested.search);
    expect(bulk.charts.some((c) => (c as { edges: string[] }).edges.length > 2)).toBe(true);
    expect(bulk.charts).toEqual(ingested.charts);
  });

  it('answers every batch sent again through ingest from its idempotency key, and nothing changes', () => {
    expect(reingest.batches).toBeGreaterThan(3);
    expect(reingest.replayedBatches).toBe(reingest.batches);
    expect(rejections(reingest)).toEqual(rejections(loaded.summary));
    expect(feed.after).toBe(feed.before);
    expect(afterReingest).toEqual(bulk);
  });

  it(
    'refuses a store that holds data, touching nothing',
    async () => {
      const dataDir = join(work, 'bulk');
      await expect(
        bulkLoad(
          loadConfig({ DATA_DIR: dataDir, NEO4J_PASSWORD: PASSWORD, NEO4J_HEAP: '1g', NEO4J_PAGECACHE: '256m' }),
          {
            path,
            out: join(work, 'refused-files'),
            startTimeoutMs: START_TIMEOUT_MS,
          },
        ),
      ).rejects.toThrow(StoreNotEmptyError);
      expect(existsSync(join(work, 'refused-files'))).toBe(false);
    },
    15 * 60_000,
  );
});
