import { describe, expect, it } from 'vitest';
import { uniqueSource } from '../support/database.ts';
import { INGEST, asRole, graphql } from '../support/service.ts';
import { serviceAndDatabase } from '../support/service-and-database.ts';

interface IngestAnswer {
  ingest: {
    accepted: number;
    rejected: number;
    errors: { section: string; index: number; code: string; message: string }[];
  } | null;
}

const running = serviceAndDatabase();

/** Sent as the source's own agency system would send it: an ingest token of the agency of the same name. */
async function ingest(batch: { source: string } & Record<string, unknown>) {
  const headers = await asRole(['ingest'], { sub: `feed-${batch.source}`, agency: batch.source, purpose: '' });
  return graphql<IngestAnswer>(running.service.url, INGEST, { batch }, headers);
}

/** The people one source wrote, by externalId, with what was stored. */
async function peopleOf(source: string) {
  return running.db.runText<{
    externalId: string;
    fullName: string;
    documentNumbers: string[];
    province: string | null;
  }>(
    `MATCH (s:SourceRecord {source: $source})-[:RECORDS]->(p:Person)
     RETURN s.externalId AS externalId, p.fullName AS fullName, p.documentNumbers AS documentNumbers,
            p.province AS province
     ORDER BY externalId`,
    { source },
  );
}

const valid = {
  externalId: 'ok-1',
  fullName: 'Lò Thị Hoa',
  dateOfBirth: '2011-05-05',
  documentNumbers: ['079311000001'],
};

describe('oversized values', () => {
  it('are refused record by record, and the rest of the batch is written', async () => {
    const source = uniqueSource();
    const result = await ingest({
      source,
      people: [
        valid,
        // Over Neo4j's ~8 KB index-key limit: the folded name and the source record key.
        { externalId: 'big-name', fullName: `Nguyễn ${'Văn '.repeat(2_500)}Hùng` },
        { externalId: 'x'.repeat(10_000), fullName: 'Trần Thị Lan' },
        { externalId: 'big-document', fullName: 'Lê Thị Mai', documentNumbers: ['9'.repeat(10_000)] },
      ],
      brokers: [{ externalId: 'b1', name: 'Công ty '.repeat(2_000), kind: 'UNLICENSED' }],
      cases: [{ externalId: 'c1', title: 'Mua bán người '.repeat(1_000), status: 'REPORTED', openedAt: '2024-08-01' }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingest).toMatchObject({ accepted: 1, rejected: 5 });
    expect(result.data!.ingest!.errors.map((e) => [e.section, e.index, e.code])).toEqual([
      ['people', 1, 'VALUE_TOO_LONG'],
      ['people', 2, 'VALUE_TOO_LONG'],
      ['people', 3, 'VALUE_TOO_LONG'],
      ['brokers', 0, 'VALUE_TOO_LONG'],
      ['cases', 0, 'VALUE_TOO_LONG'],
    ]);
    // The message says what is wrong without repeating 10,000 characters back.
    expect(result.data!.ingest!.errors.every((e) => e.message.length < 200)).toBe(true);
    expect((await peopleOf(source)).map((p) => p.externalId)).toEqual(['ok-1']);
  });

  it('in the batch source or idempotency key refuse the batch with a clear error, not "Unexpected error."', async () => {
    // No agency has such a name: an admin sends it (graphql's default token).
    const longSource = await graphql<IngestAnswer>(running.service.url, INGEST, {
      batch: { source: `s${'x'.repeat(10_000)}`, people: [valid] },
    });
    expect(longSource.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(longSource.errors?.[0]?.message).toMatch(/^source has 10001 characters/);
    const source = uniqueSource();
    const longKey = await ingest({ source, idempotencyKey: 'k'.repeat(10_000), people: [valid] });
    expect(longKey.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(longKey.errors?.[0]?.message).toMatch(/^idempotencyKey has 10000 characters/);
    expect(await peopleOf(source)).toEqual([]);
  });
});

describe('even validation of every text', () => {
  it('refuses null bytes, control and bidi characters, zero-width names and 100,000 documents', async () => {
    const source = uniqueSource();
    const result = await ingest({
      source,
      people: [
        valid,
        { externalId: 'nul-document', fullName: 'Vàng Thị Mỷ', documentNumbers: ['0793\u000012004455'] },
        { externalId: 'nul-province', fullName: 'Giàng Thị Dợ', province: 'Lào\u0000Cai' },
        { externalId: 'control', fullName: 'Sùng Thị\u0008 Pà' },
        { externalId: 'bidi', fullName: 'Hoa \u202Eneuygn' },
        { externalId: 'isolate', fullName: 'Mai', documentNumbers: ['\u2067B1234567\u2069'] },
        { externalId: 'zero-width', fullName: '\u200B\u200C\u200D\u2060' },
        {
          externalId: 'many-documents',
          fullName: 'Lý Thị Sinh',
          documentNumbers: Array.from({ length: 100_000 }, (_, i) => `D${i}`),
        },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingest!.errors.map((e) => [e.index, e.code])).toEqual([
      [1, 'INVALID_VALUE'],
      [2, 'INVALID_VALUE'],
      [3, 'INVALID_VALUE'],
      [4, 'INVALID_VALUE'],
      [5, 'INVALID_VALUE'],
      [6, 'MISSING_FIELD'],
      [7, 'VALUE_TOO_LONG'],
    ]);
    const stored = await peopleOf(source);
    expect(stored).toEqual([
      { externalId: 'ok-1', fullName: 'Lò Thị Hoa', documentNumbers: ['079311000001'], province: null },
    ]);
  });
});
