import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../../seed/load/load-scenario.ts';
import type { TruthRecord } from '../../../seed/index.ts';
import type { Database } from '../../../src/db/database.ts';
import { IngestService } from '../../../src/ingest/ingest-batch.ts';
import type { IngestBatchInput } from '../../../src/ingest/batch-types.ts';
import { ResolutionService } from '../../../src/resolution/resolution-service.ts';
import type { EvidenceColumns, RingProjection } from '../../../src/rings/core/index.ts';
import { EvidenceGraphKeeper, type ProjectionRead } from '../../../src/rings/projection/evidence-graph-keeper.ts';
import { readRingProjection } from '../../../src/rings/projection/read-projection.ts';
import type { DetectionRunRecord } from '../../../src/rings/ring-records.ts';
import { RingDetectionService } from '../../../src/rings/ring-detection-service.ts';
import { connectTestDatabase, uniquePhone, uniqueSource } from '../../support/database.ts';

// Detection reads the whole database; the integration tier runs its files one at a time, so
// nothing is written between the runs compared here but what the test writes.
let db: Database;
let referenceDate = '';
/** Two service instances (connections of their own, detection threads of their own), and one for fresh full runs. */
const instances: RingDetectionService[] = [];
const connections: Database[] = [];

beforeAll(async () => {
  db = await connectTestDatabase();
  const ingest = new IngestService(db);
  // The demo's batches carry idempotency keys: when another test loaded it already, this replays.
  await loadScenario({ preset: 'demo', seed: 42 }, (batch) => ingest.ingest(batch as IngestBatchInput), {
    sinks: {
      onTruth: (record: TruthRecord) => {
        if (record.type === 'scenario') referenceDate = record.referenceDate;
      },
    },
  });
  for (const name of ['instance-a', 'instance-b']) {
    const connection = await connectTestDatabase();
    connections.push(connection);
    instances.push(new RingDetectionService(connection, { instanceId: name }));
  }
}, 300_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
  await Promise.all([db, ...connections].map((connection) => connection?.close()));
});

const SEED = 7;

function readOf(run: DetectionRunRecord): ProjectionRead {
  return (JSON.parse(run.graphStats) as { read: ProjectionRead }).read;
}

/** The current rings as sets: members with roles and the score, whatever the rings' ids. */
async function currentRings(): Promise<string[]> {
  const rows = await db.read<{ memberEntityIds: string[]; memberRoles: string[]; score: number }>(
    'rings/load-current-rings',
  );
  return rows
    .map((row) => {
      const members = row.memberEntityIds.map((id, i) => `${id}:${row.memberRoles[i]}`).sort();
      return `${Number(row.score).toFixed(9)} ${members.join(' ')}`;
    })
    .sort();
}

/** A run on a detection thread that keeps no graph: the full read to compare with. */
async function freshFullRun(): Promise<{ run: DetectionRunRecord; rings: string[] }> {
  const fresh = new RingDetectionService(db, { instanceId: 'fresh' });
  try {
    const run = await fresh.detect({ referenceDate, seed: SEED });
    return { run, rings: await currentRings() };
  } finally {
    await fresh.close();
  }
}

async function detectOn(instance: RingDetectionService): Promise<{ run: DetectionRunRecord; rings: string[] }> {
  const run = await instance.detect({ referenceDate, seed: SEED });
  return { run, rings: await currentRings() };
}

/** A projection as sets: each node with its facts, each evidence row by its ends' entity ids. */
function canonical(projection: RingProjection): { nodes: string[]; edges: string[] } {
  const columns = projection.edges as EvidenceColumns;
  const edges: string[] = [];
  for (let row = 0; row < columns.source.length; row++) {
    const source = projection.nodes[columns.source[row]!]!.entityId;
    const target = projection.nodes[columns.target[row]!]!.entityId;
    edges.push(`${source}|${target}|${columns.kind[row]}|${columns.count[row]}`);
  }
  return { nodes: projection.nodes.map((node) => JSON.stringify(node)).sort(), edges: edges.sort() };
}

async function ringMember(): Promise<{ id: string; source: string; externalId: string }> {
  const [row] = await db.runText<{ id: string; source: string; externalId: string }>(
    `MATCH (r:Ring {current: true})<-[:MEMBER_OF]-(p:Person)<-[:RECORDS]-(s:SourceRecord)
     RETURN p.id AS id, s.source AS source, s.externalId AS externalId ORDER BY r.score DESC, p.id LIMIT 1`,
  );
  return row!;
}

/**
 * A small change: a new group of five who share a phone, know one another, are suspects in one
 * case and left for China together, tied to a member of the strongest ring.
 */
async function ingestSmallChange(): Promise<{ people: string[]; source: string }> {
  const source = uniqueSource('incremental');
  const phone = uniquePhone();
  const member = await ringMember();
  const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
  const person = (externalId: string) => ({ kind: 'PERSON' as const, externalId });
  const batch: IngestBatchInput = {
    source,
    idempotencyKey: 'small-change',
    people: ids.map((externalId, i) => ({
      externalId,
      fullName: `Nguyễn Văn ${['An', 'Bình', 'Cường', 'Dũng', 'Em'][i]} ${source}`,
      dateOfBirth: `199${i}-02-0${i + 1}`,
    })),
    phones: [{ number: phone }],
    cases: [{ externalId: 'c1', title: 'Mua bán người', status: 'UNDER_INVESTIGATION', openedAt: '2025-08-01' }],
    crossings: ids.map((externalId, i) => ({
      externalId: `x-${externalId}`,
      person: person(externalId),
      checkpoint: 'Lao Cai',
      direction: 'EXIT',
      at: `2026-05-0${i % 2 ? 3 : 2}T05:${10 + i}:00+07:00`,
      country: 'CN',
    })),
    links: [
      ...ids.map((externalId) => ({
        type: 'USES_PHONE',
        from: person(externalId),
        to: { kind: 'PHONE' as const, externalId: phone },
      })),
      ...ids.slice(1).map((externalId) => ({ type: 'KNOWS', from: person('n1'), to: person(externalId) })),
      ...ids.map((externalId) => ({
        type: 'INVOLVED_IN',
        from: person(externalId),
        to: { kind: 'CASE' as const, externalId: 'c1' },
        role: 'SUSPECT' as const,
      })),
      {
        type: 'RECRUITED_BY',
        from: person('n2'),
        to: { kind: 'PERSON', externalId: member.externalId, source: member.source },
      },
      {
        type: 'KNOWS',
        from: person('n1'),
        to: { kind: 'PERSON', externalId: member.externalId, source: member.source },
      },
    ],
  };
  const report = await new IngestService(db).ingest(batch);
  expect(report.errors).toEqual([]);
  const rows = await db.runText<{ id: string }>(
    'MATCH (s:SourceRecord {source: $source, kind: "PERSON"})-[:RECORDS]->(p:Person) RETURN p.id AS id ORDER BY s.externalId',
    { source },
  );
  return { people: rows.map((row) => row.id), source };
}

describe('incremental detection', () => {
  let changed: { people: string[]; source: string };

  it('equals a full run after a small ingest, on whichever instance ran last', async () => {
    const [a, b] = instances as [RingDetectionService, RingDetectionService];
    const first = await detectOn(a);
    expect(readOf(first.run)).toMatchObject({ mode: 'full', reason: expect.stringMatching(/no kept graph/) });
    // The other instance keeps a graph of its own from here on.
    expect(readOf((await detectOn(b)).run).mode).toBe('full');

    changed = await ingestSmallChange();
    const incremental = await detectOn(a);
    const read = readOf(incremental.run);
    expect(read).toMatchObject({ mode: 'incremental' });
    // Only what the change touched was read again: its own entities and the ring member.
    expect(read.mode === 'incremental' && read.touchedEntities).toBeLessThan(30);
    // The change moved the rings, so the comparison below is not of two unchanged results.
    expect(incremental.rings).not.toEqual(first.rings);
    expect(incremental.rings.join('\n')).toContain(changed.people[0]);

    const full = await freshFullRun();
    expect(readOf(full.run).mode).toBe('full');
    expect(incremental.rings).toEqual(full.rings);

    // B last ran before the change and before A's runs; it applies the same records itself.
    const onB = await detectOn(b);
    expect(readOf(onB.run).mode).toBe('incremental');
    expect(onB.rings).toEqual(full.rings);
  }, 300_000);

  it('equals a full run after a merge of two people, and after undoing it', async () => {
    const [a, b] = instances as [RingDetectionService, RingDetectionService];
    const resolution = new ResolutionService(db);
    const member = await ringMember();
    const merge = await resolution.merge(member.id, changed.people[4]!, 'same person (test)', 'test');

    const afterMerge = await detectOn(a);
    expect(readOf(afterMerge.run).mode).toBe('incremental');
    expect(afterMerge.rings.join('\n')).not.toContain(changed.people[4]);
    expect(afterMerge.rings).toEqual((await freshFullRun()).rings);

    await resolution.unmerge(member.id, merge.id, 'test');
    const afterUnmerge = await detectOn(b);
    expect(readOf(afterUnmerge.run).mode).toBe('incremental');
    const full = await freshFullRun();
    expect(afterUnmerge.rings).toEqual(full.rings);
    expect(afterUnmerge.rings).not.toEqual(afterMerge.rings);
    expect((await detectOn(a)).rings).toEqual(full.rings);
  }, 300_000);
});

describe('the kept evidence graph', () => {
  it('gives the projection a full read gives, after an ingest, a merge and an unmerge', async () => {
    const keeper = new EvidenceGraphKeeper({ fullReadShare: 0.5 });
    const project = async () => (await keeper.projection(db, { referenceDate })).projection;
    const full = () => readRingProjection(db, { referenceDate });
    expect(canonical(await project())).toEqual(canonical(await full()));

    const { people } = await ingestSmallChange();
    const afterIngest = await keeper.projection(db, { referenceDate });
    expect(afterIngest.read.mode).toBe('incremental');
    expect(canonical(afterIngest.projection)).toEqual(canonical(await full()));

    const resolution = new ResolutionService(db);
    const merge = await resolution.merge(people[0]!, people[1]!, 'same person (test)', 'test');
    expect(canonical(await project())).toEqual(canonical(await full()));
    await resolution.unmerge(people[0]!, merge.id, 'test');
    const afterUnmerge = await keeper.projection(db, { referenceDate });
    expect(afterUnmerge.read).toMatchObject({ mode: 'incremental', changes: 1 });
    expect(canonical(afterUnmerge.projection)).toEqual(canonical(await full()));
  }, 300_000);

  it('reads in full, and says why, when its feed position is lost or too much changed', async () => {
    const keeper = new EvidenceGraphKeeper({ fullReadShare: 0.2 });
    await keeper.projection(db, { referenceDate });
    // The record at the position is not the one it applied: a pruned feed or another database.
    keeper.kept!.anchor = { ...keeper.kept!.anchor!, batchId: 'pruned-away' };
    const lost = await keeper.projection(db, { referenceDate });
    expect(lost.read).toMatchObject({ mode: 'full', reason: expect.stringMatching(/no longer holds the record/) });

    const strict = new EvidenceGraphKeeper({ fullReadShare: 0 });
    await strict.projection(db, { referenceDate });
    const manyBatches = Math.ceil(1_001 / 8);
    const ingest = new IngestService(db);
    const source = uniqueSource('behind');
    for (let i = 0; i < manyBatches; i++) {
      await ingest.ingest({
        source,
        people: Array.from({ length: 8 }, (_, j) => ({ externalId: `p${i}-${j}`, fullName: `Lê Thị ${i} ${j}` })),
      });
    }
    const behind = await strict.projection(db, { referenceDate });
    expect(behind.read).toMatchObject({ mode: 'full', reason: expect.stringMatching(/entities changed/) });
    expect(canonical(behind.projection)).toEqual(canonical(await readRingProjection(db, { referenceDate })));
    // Nothing changed since: nothing is read again.
    expect((await strict.projection(db, { referenceDate })).read).toMatchObject({ mode: 'incremental', changes: 0 });
  }, 300_000);
});
