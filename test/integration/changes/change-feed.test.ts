import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChangeFeed } from '../../../src/changes/change-feed.ts';
import type { ChangeEvent } from '../../../src/changes/change-event.ts';
import type { Database } from '../../../src/db/database.ts';
import { IngestService } from '../../../src/ingest/ingest-batch.ts';
import { mergeEntities, unmergeEntity } from '../../../src/resolution/merge-entities.ts';
import { connectTestDatabase, uniquePhone, uniqueSource } from '../../support/database.ts';

// A shared machine makes each write take a second or more; these tests wait for several.
vi.setConfig({ testTimeout: 240_000 });

let db: Database;
let other: Database;
let feed: ChangeFeed;

beforeAll(async () => {
  db = await connectTestDatabase();
  // A second driver stands for a second process (an importer, another instance) writing at once.
  other = await connectTestDatabase();
  feed = new ChangeFeed(db);
});
afterAll(async () => {
  await db?.close();
  await other?.close();
});

const person = (externalId: string, fullName: string, dateOfBirth = '1990-01-01') => ({
  externalId,
  fullName,
  dateOfBirth,
});

async function eventsOf(source: string, after = 0): Promise<ChangeEvent[]> {
  const found: ChangeEvent[] = [];
  for (let position = after; ;) {
    const page = await feed.read(position, 500);
    if (!page.length) return found;
    found.push(...page.filter((event) => event.source === source));
    position = page.at(-1)!.seq;
  }
}

describe('the change feed', () => {
  it('records a committed ingest with what it touched, and nothing for a replay', async () => {
    const source = uniqueSource('feed');
    const phone = uniquePhone();
    const ingest = new IngestService(db);
    const batch = {
      source,
      idempotencyKey: 'b1',
      people: [person('p1', 'Trần Thị Ngọc', '2012-03-04'), person('p2', 'Lê Văn Hùng')],
      phones: [{ number: phone }],
      crossings: [
        {
          externalId: 'x1',
          person: { kind: 'PERSON' as const, externalId: 'p1' },
          checkpoint: 'Lao Cai',
          direction: 'EXIT',
          at: '2026-11-30T05:40:00+07:00',
          country: 'CN',
        },
      ],
      links: [
        {
          type: 'USES_PHONE',
          from: { kind: 'PERSON' as const, externalId: 'p2' },
          to: { kind: 'PHONE' as const, externalId: phone },
        },
        {
          type: 'KNOWS',
          from: { kind: 'PERSON' as const, externalId: 'p1' },
          to: { kind: 'PERSON' as const, externalId: 'p2' },
        },
      ],
    };
    const head = await feed.head();
    await ingest.ingest(batch);
    const [event, ...more] = await eventsOf(source, head);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ kind: 'INGEST', batchId: `${source}|b1`, source });
    expect(event!.seq).toBeGreaterThan(head);
    expect(event!.entityIds).toHaveLength(4); // two people, the phone, the crossing
    expect(event!.entityKinds.sort()).toEqual(['BORDER_CROSSING', 'PERSON', 'PHONE']);
    expect(event!.linkTypes.sort()).toEqual(['KNOWS', 'USES_PHONE']);
    expect(event!.recordKeys).toHaveLength(4);
    const payload = event!.payload as { crossings: { direction: string }[]; links: { type: string }[] };
    expect(payload.crossings).toEqual([expect.objectContaining({ direction: 'EXIT' })]);
    expect(payload.links.map((l) => l.type).sort()).toEqual(['KNOWS', 'USES_PHONE']);

    // The same key again: answered from the first report, and no record in the feed.
    expect((await ingest.ingest(batch)).replayed).toBe(true);
    expect(await eventsOf(source, head)).toHaveLength(1);

    // The same records without a key: written again (lastSeen), recorded, but nothing in them is new.
    await ingest.ingest({ ...batch, idempotencyKey: null });
    const resent = (await eventsOf(source, head))[1]!;
    expect(resent.entityIds).toHaveLength(4);
    expect(resent.payload).toEqual({ crossings: [], links: [] });
  });

  it('numbers records of concurrent writers in commit order without gaps', async () => {
    const source = uniqueSource('feed-concurrent');
    const writers = [new IngestService(db), new IngestService(other), new IngestService(other)];
    const head = await feed.head();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        writers[i % writers.length]!.ingest({
          source,
          people: Array.from({ length: 20 }, (_, j) => person(`c${i}-${j}`, `Người Số ${i} ${j}`)),
        }),
      ),
    );
    const seqs = (await feed.read(head, 1_000)).map((event) => event.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(12);
    // Every number from the head on, once: a reader that saw seq N has seen every record below it.
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => head + 1 + i));
    expect((await eventsOf(source, head)).length).toBe(12);
  });

  it('keeps a consumer position in the database and resumes from it', async () => {
    const source = uniqueSource('feed-consumer');
    const name = `consumer-${source}`;
    const ingest = new IngestService(db);
    await ingest.ingest({ source, people: [person('a', 'Nguyễn Văn An')] });
    const first = feed.consumer(name);
    // A new consumer begins at the head: what was written before it started is not news to it.
    const head = await feed.head();
    expect(await first.create()).toBe(head);
    expect((await first.step(async () => undefined)).events).toEqual([]);
    // Created again (a restart), it keeps its place.
    await ingest.ingest({ source, people: [person('a2', 'Nguyễn Văn Anh')] });
    expect(await first.create()).toBe(head);
    const seen: number[] = [];
    while ((await first.step(async (events) => seen.push(...events.map((e) => e.seq)))).events.length);
    const position = await first.position();
    expect(seen[0]).toBe(head + 1);
    expect(position).toBe(seen.at(-1));
    expect(new Set(seen).size).toBe(seen.length);

    await ingest.ingest({ source, people: [person('b', 'Nguyễn Văn Bình')] });
    await ingest.ingest({ source, people: [person('c', 'Nguyễn Văn Cường')] });
    // A step whose handler fails moves nothing: the records come again.
    await expect(
      feed.consumer(name).step(async () => {
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await feed.consumer(name).position()).toBe(position);

    // Another instance under the same name (a restarted service) goes on from the stored position.
    const resumed: ChangeEvent[] = [];
    const again = new ChangeFeed(other).consumer(name);
    while ((await again.step(async (events) => resumed.push(...events))).events.length);
    expect(resumed[0]!.seq).toBe(position + 1);
    expect(resumed.filter((e) => e.source === source)).toHaveLength(2);
  });

  it('records merges and their undoing', async () => {
    const source = uniqueSource('feed-merge');
    await new IngestService(db).ingest({
      source,
      people: [person('m1', 'Phạm Quốc Vượng'), person('m2', 'Pham Quoc Vuong')],
    });
    const [keep, merge] = (
      await db.runText<{ id: string }>(
        'MATCH (s:SourceRecord)-[:RECORDS]->(e) WHERE s.source = $source RETURN e.id AS id ORDER BY s.externalId',
        { source },
      )
    ).map((row) => row.id);
    const head = await feed.head();
    const merged = await db.writeTransaction((tx) =>
      mergeEntities(tx, {
        keep: keep!,
        merge: merge!,
        reason: 'same man',
        by: 'tester',
        automatic: false,
        now: new Date(),
      }),
    );
    await db.writeTransaction((tx) =>
      unmergeEntity(tx, { id: keep!, mergeId: merged.id, by: 'tester', now: new Date() }),
    );
    const events = (await feed.read(head, 100)).filter((e) => e.batchId === merged.id);
    expect(events.map((e) => e.kind)).toEqual(['MERGE', 'UNMERGE']);
    expect(events[0]!.entityIds.sort()).toEqual([keep, merge].sort());
    expect(events[0]!.recordKeys).toHaveLength(1);
  });
});
