import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeFeed } from '../../../src/changes/change-feed.ts';
import { FeedRetention } from '../../../src/changes/feed-retention.ts';
import type { Database } from '../../../src/db/database.ts';
import { IngestService } from '../../../src/ingest/ingest-batch.ts';
import { connectTestDatabase, uniqueSource } from '../../support/database.ts';

// A shared machine makes each write take a second or more; these tests wait for several.
vi.setConfig({ testTimeout: 240_000 });

const DAY = 86_400_000;

let db: Database;
let other: Database;
let feed: ChangeFeed;
let ingest: IngestService;

beforeAll(async () => {
  db = await connectTestDatabase();
  // A second driver stands for a second instance pruning at the same time.
  other = await connectTestDatabase();
  feed = new ChangeFeed(db);
  ingest = new IngestService(db);
});
// Files run one at a time: no consumer of another test runs now. The ones earlier tests left
// would hold the feed back (as a forgotten consumer does in production), so they go; a
// consumer that is missing begins again at the head.
beforeEach(async () => {
  await db.runText('MATCH (c:ChangeConsumer) DELETE c', {}, 'WRITE');
});
afterAll(async () => {
  await db?.close();
  await other?.close();
});

const retention = (database: Database, batchSize = 7, days = 30) =>
  new FeedRetention(database, { retentionMs: days * DAY, batchSize, intervalMs: 60_000 });

async function write(source: string, n: number): Promise<number> {
  for (let i = 0; i < n; i++) {
    await ingest.ingest({ source, people: [{ externalId: `p${i}-${Math.random()}`, fullName: 'Ngô Văn Tâm' }] });
  }
  return feed.head();
}

async function seqs(): Promise<number[]> {
  const rows = await db.runText<{ seq: number }>('MATCH (e:ChangeEvent) RETURN e.seq AS seq ORDER BY seq');
  return rows.map((row) => Number(row.seq));
}

describe('the change feed retention', () => {
  it('deletes in bounded steps only what every consumer has passed and what is older than the retention', async () => {
    const source = uniqueSource('retention');
    await write(source, 9);
    const lagging = feed.consumer(`lagging-${source}`);
    const laggingAt = await lagging.create();
    await write(source, 3);
    const ahead = feed.consumer(`ahead-${source}`);
    const aheadAt = await ahead.create();
    const head = await write(source, 2);
    const before = await seqs();
    expect(before.at(-1)).toBe(head);

    // Today nothing is older than thirty days: everything stays, though both consumers passed some.
    expect(await retention(db).prune()).toBe(0);
    expect(await seqs()).toEqual(before);

    // Forty days on: only what the lagging consumer has passed goes, in steps of seven.
    const later = new Date(Date.now() + 40 * DAY);
    const passed = before.filter((seq) => seq <= laggingAt);
    expect(passed.length).toBeGreaterThan(7); // more than one step
    expect(await retention(db).prune(later)).toBe(passed.length);
    expect(await seqs()).toEqual(before.filter((seq) => seq > laggingAt));

    // The lagging consumer reads on as before, from its position.
    const read: number[] = [];
    while ((await lagging.step(async (events) => read.push(...events.map((e) => e.seq)))).events.length);
    expect(read).toEqual(before.filter((seq) => seq > laggingAt));
    // Now the other consumer holds the feed back.
    expect(await retention(db).prune(later)).toBe(before.filter((seq) => seq > laggingAt && seq <= aheadAt).length);
    expect((await seqs())[0]).toBe(aheadAt + 1);

    // With a retention of a hundred days, sixty days on everything stays.
    expect(await retention(db, 1_000, 100).prune(new Date(Date.now() + 60 * DAY))).toBe(0);
  });

  it('lets two instances prune at once without deleting anything twice or failing', async () => {
    const source = uniqueSource('retention-two');
    await write(source, 1);
    const consumer = feed.consumer(`two-${source}`);
    await consumer.create();
    const kept = await write(source, 1);
    const before = await seqs();
    const later = new Date(Date.now() + 40 * DAY);
    const [a, b] = await Promise.all([retention(db, 2).prune(later), retention(other, 3).prune(later)]);
    expect(a + b).toBe(before.filter((seq) => seq < kept).length);
    expect(await seqs()).toEqual([kept]);
    // The head is kept apart from the records: new records go on from it.
    const next = await write(source, 1);
    expect(next).toBe(kept + 1);
  });
});
