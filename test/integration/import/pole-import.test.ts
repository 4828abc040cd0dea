import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import { importFile } from '../../../src/import/import-file.ts';
import type { ImportSummary } from '../../../src/import/import-report.ts';
import { readCsvFileSync } from '../../../src/import/read-csv.ts';
import { InProcessSender } from '../../../src/import/send/in-process-sender.ts';
import { IngestService } from '../../../src/ingest/ingest-batch.ts';
import { normalizePhone } from '../../../src/entities/normalize-phone.ts';
import { connectTestDatabase, uniqueSource } from '../../support/database.ts';

/**
 * Acceptance of the importer on Neo4j's POLE data set: every person, phone, call and link of
 * the CSV files is in the database once, counted here straight from the files, and a second
 * run writes nothing again.
 */
const zip = fileURLToPath(new URL('../../../../shared/data/pole/pole-data-importer.zip', import.meta.url));
const mapping = fileURLToPath(new URL('../../../import-mappings/pole.json', import.meta.url));

interface Expected {
  people: number;
  phones: number;
  dialablePhones: number;
  calls: number;
  callPairs: number;
  usesPhone: number;
  knows: number;
  relativeOf: number;
  cases: number;
  involvedIn: number;
}

/** The counts as the CSV files give them, without the importer's code. */
function countFromCsv(dir: string): Expected {
  const read = (name: string) => readCsvFileSync(join(dir, `crime-investigation.${name}.csv`)).rows;
  const pairs = (rows: Record<string, string>[], undirected: boolean) =>
    rows.map((r) => {
      const ends = [r[':START_ID']!, r[':END_ID']!];
      return (undirected ? ends.sort() : ends).join('>');
    });
  const phones = read('nodes.Phone');
  const caller = new Map(read('relationships.CALLER').map((r) => [r[':START_ID']!, r[':END_ID']!]));
  const callee = new Map(read('relationships.CALLED').map((r) => [r[':START_ID']!, r[':END_ID']!]));
  const calls = read('nodes.PhoneCall').map((r) => `${caller.get(r[':ID']!)}>${callee.get(r[':ID']!)}`);
  const knows = ['KNOWS', 'KNOWS_SN', 'KNOWS_LW', 'KNOWS_PHONE'].flatMap((f) =>
    pairs(read(`relationships.${f}`), true),
  );
  const partyTo = read('relationships.PARTY_TO');
  return {
    people: new Set(read('nodes.Person').map((r) => r[':ID'])).size,
    phones: new Set(phones.map((r) => r['phoneNo'])).size,
    dialablePhones: phones.filter((r) => normalizePhone(r['phoneNo']!, 'GB')).length,
    calls: calls.length,
    callPairs: new Set(calls).size,
    usesPhone: new Set(pairs(read('relationships.HAS_PHONE'), false)).size,
    knows: new Set(knows).size,
    relativeOf: new Set(pairs(read('relationships.FAMILY_REL'), true)).size,
    cases: new Set(partyTo.map((r) => r[':END_ID'])).size,
    involvedIn: new Set(pairs(partyTo, false)).size,
  };
}

describe.skipIf(!existsSync(zip))('POLE import keeps every person, phone, call and link', () => {
  let db: Database;
  let dir: string;
  let expected: Expected;
  let first: ImportSummary;
  const source = uniqueSource('pole-import');

  const importPole = () =>
    importFile(zip, { sender: new InProcessSender(new IngestService(db), 'test database'), mapping, source });

  async function stored(): Promise<Record<string, number>> {
    const [entities] = await db.runText<Record<string, number>>(
      `MATCH (s:SourceRecord {source: $source})-[:RECORDS]->(e)
       RETURN count(DISTINCT CASE s.kind WHEN 'PERSON' THEN e END) AS people,
              count(DISTINCT CASE s.kind WHEN 'PHONE' THEN e END) AS phones,
              count(DISTINCT CASE s.kind WHEN 'CASE' THEN e END) AS cases,
              count(s) AS records`,
      { source },
    );
    const links = await db.runText<{ type: string; links: number; pairs: number; calls: number }>(
      `MATCH (a)-[r]->(b) WHERE type(r) IN ['USES_PHONE', 'CALLED', 'KNOWS', 'RELATIVE_OF', 'INVOLVED_IN']
         AND $source IN r.sources
       RETURN type(r) AS type, count(r) AS links,
              count(DISTINCT CASE WHEN type(r) IN ['KNOWS', 'RELATIVE_OF'] AND a.id > b.id THEN [b.id, a.id] ELSE [a.id, b.id] END) AS pairs,
              sum(coalesce(r.count, 0)) AS calls`,
      { source },
    );
    const out: Record<string, number> = { ...entities };
    for (const row of links) {
      out[row.type] = row.links;
      out[`${row.type} pairs`] = row.pairs;
      if (row.type === 'CALLED') out['calls'] = row.calls;
    }
    return out;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ringwatch-pole-import-'));
    execFileSync('unzip', ['-o', '-q', zip, '-d', dir]);
    expected = countFromCsv(dir);
    db = await connectTestDatabase();
    first = await importPole();
  }, 300_000);

  afterAll(async () => {
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports every record accepted, and the undialable phones it substituted', () => {
    expect(first.failedBatches).toEqual([]);
    expect(first.rejectedByCode).toEqual({});
    expect(first.accepted).toBe(first.sent);
    expect(first.sent).toBe(
      expected.people +
        expected.phones +
        expected.cases +
        expected.usesPhone +
        expected.callPairs +
        expected.knows +
        expected.relativeOf +
        expected.involvedIn,
    );
    // Most POLE numbers are made up; each undialable one is kept under an Ofcom drama number.
    expect(first.notes!.substitutedPhones.count + expected.dialablePhones).toBe(expected.phones);
    expect(first.notes!.substitutedPhones.count).toBeGreaterThan(300);
    expect(first.notes!.unresolved.count).toBe(0);
  });

  it('stores each person, phone, case, call and link of the CSV files exactly once', async () => {
    expect(await stored()).toEqual({
      people: expected.people,
      phones: expected.phones,
      cases: expected.cases,
      records: expected.people + expected.phones + expected.cases,
      USES_PHONE: expected.usesPhone,
      'USES_PHONE pairs': expected.usesPhone,
      CALLED: expected.callPairs,
      'CALLED pairs': expected.callPairs,
      calls: expected.calls,
      KNOWS: expected.knows,
      'KNOWS pairs': expected.knows,
      RELATIVE_OF: expected.relativeOf,
      'RELATIVE_OF pairs': expected.relativeOf,
      INVOLVED_IN: expected.involvedIn,
      'INVOLVED_IN pairs': expected.involvedIn,
    });
    // POLE's 369 people, 328 phones, 534 calls (236 pairs), 586 KNOWS, 155 FAMILY_REL, 55 crimes.
    expect(expected).toMatchObject({ people: 369, phones: 328, calls: 534, knows: 586, relativeOf: 155, cases: 55 });
  });

  it('gives cases their status from the last outcome and people their SUSPECT role', async () => {
    const rows = await db.runText<{ status: string; roles: string[] }>(
      `MATCH (s:SourceRecord {source: $source, kind: 'CASE'})-[:RECORDS]->(c:Case)<-[r:INVOLVED_IN]-(:Person)
       RETURN c.status AS status, collect(DISTINCT r.role) AS roles`,
      { source },
    );
    expect(new Set(rows.flatMap((r) => r.roles))).toEqual(new Set(['SUSPECT']));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['CLOSED', 'UNDER_INVESTIGATION', 'PROSECUTED']));
  });

  it('writes nothing again when the same import runs a second time', async () => {
    const before = await stored();
    const again = await importPole();
    expect(again.replayedBatches).toBe(again.batches);
    expect(await stored()).toEqual(before);
  }, 120_000);
});
