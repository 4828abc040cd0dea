import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BulkLoadWriter, type BulkFiles } from '../../../src/import/bulk/bulk-load-writer.ts';
import { importerArguments, neo4jAdminCommand } from '../../../src/import/bulk/importer-command.ts';
import { ValidationPool } from '../../../src/import/bulk/validation-pool.ts';
import { BatchRefusedError } from '../../../src/import/send/batch-sender.ts';
import { runImport } from '../../../src/import/run-import.ts';
import type { IngestBatchInput } from '../../../src/ingest/batch-types.ts';
import { collectScenario } from '../seed/collect-scenario.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function writer() {
  const dir = mkdtempSync(join(tmpdir(), 'ringwatch-bulk-unit-'));
  dirs.push(dir);
  return BulkLoadWriter.create(dir, new Date('2026-06-30T00:00:00Z'));
}

/** The rows of one import file, without its header. */
function rows(files: BulkFiles, name: string): string[] {
  const file = files.files.find((f) => f.path.endsWith(`/${name}`))!;
  return readFileSync(file.path, 'utf8').trim().split('\n').slice(1);
}

const person = (externalId: string, fullName: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  fullName,
  ...extra,
});
const ref = (externalId: string) => ({ kind: 'PERSON' as const, externalId });

describe('BulkLoadWriter', () => {
  it('reports what the ingest reports and writes only the valid records', async () => {
    const w = await writer();
    const report = await w.send({
      source: 'police',
      idempotencyKey: 'k1',
      people: [person('p1', 'Nguyễn Thị Hoa'), person('p2', 'Bad', { dateOfBirth: '2099-01-01' })],
      links: [{ type: 'KNOWS', from: ref('p1'), to: ref('nobody') }],
    });
    expect(report).toMatchObject({ accepted: 1, rejected: 2, replayed: false });
    expect(report.errors.map((e) => `${e.section}[${e.index}] ${e.code}`)).toEqual([
      'people[1] INVALID_DATE',
      'links[0] UNKNOWN_REFERENCE',
    ]);
    const files = await w.finish();
    expect(rows(files, 'people.csv')).toHaveLength(1);
    expect(rows(files, 'people.csv')[0]).toContain('"nguyen thi hoa"');
    expect(rows(files, 'ingest-batches.csv')[0]).toContain('"police|k1"');
    expect(rows(files, 'ingest-batches.csv')[0]).toContain('INVALID_DATE');
  });

  it('settles records repeated across batches as the ingest MERGEs do', async () => {
    const w = await writer();
    await w.send({
      source: 'police',
      idempotencyKey: 'a',
      people: [person('p1', 'First Name'), person('p2', 'Other')],
      phones: [{ number: '+84 912 345 678' }, { number: '+84 912 345 679' }],
      links: [
        { type: 'KNOWS', from: ref('p1'), to: ref('p2') },
        {
          type: 'CALLED',
          from: { kind: 'PHONE', externalId: '+84912345678' },
          to: { kind: 'PHONE', externalId: '+84912345679' },
          count: 3,
          at: '2026-01-01T10:00:00+07:00',
        },
      ],
    });
    await w.send({
      source: 'telecom',
      idempotencyKey: 'b',
      phones: [{ number: '0912 345 678' }, { number: '0912 345 679' }],
      links: [
        { type: 'KNOWS', from: { ...ref('p2'), source: 'police' }, to: { ...ref('p1'), source: 'police' } },
        {
          type: 'CALLED',
          from: { kind: 'PHONE', externalId: '+84912345678' },
          to: { kind: 'PHONE', externalId: '+84912345679' },
          count: 2,
          at: '2026-02-01T10:00:00+07:00',
        },
      ],
    });
    await w.send({ source: 'police', idempotencyKey: 'c', people: [person('p1', 'Last Name')] });
    // The same key again: a replay, written once.
    expect((await w.send({ source: 'police', idempotencyKey: 'c', people: [person('p9', 'X')] })).replayed).toBe(true);
    const files = await w.finish();

    const people = rows(files, 'people.csv');
    expect(people).toHaveLength(2);
    expect(people.some((row) => row.includes('"Last Name"'))).toBe(true);
    expect(people.some((row) => row.includes('"First Name"'))).toBe(false);
    expect(rows(files, 'phones.csv')).toHaveLength(2);
    // One source record per agency record: two people, two phones by each of two agencies.
    expect(rows(files, 'source-records.csv')).toHaveLength(6);
    expect(rows(files, 'records.csv')).toHaveLength(6);
    const links = rows(files, 'links.csv');
    expect(links).toHaveLength(2);
    const knows = links.find((row) => row.includes('"KNOWS"'))!;
    expect(knows).toContain(`"police\u001Ftelecom"`);
    const called = links.find((row) => row.includes('"CALLED"'))!;
    expect(called).toContain(',3,"2026-02-01T10:00:00+07:00",');
    expect(rows(files, 'ingest-batches.csv')).toHaveLength(3);
  });

  it('keeps one checkpoint and one traveller per crossing, those of its last record, as the ingest does', async () => {
    const w = await writer();
    const crossing = (traveller: string, checkpoint: string) => ({
      source: 'border-guard',
      people: [person('a', 'Hoang Van Nam'), person('b', 'Vang Thi Dua')],
      crossings: [
        {
          externalId: 'x',
          person: ref(traveller),
          checkpoint,
          direction: 'EXIT',
          at: '2026-01-01T05:40:00+07:00',
          country: 'CN',
        },
      ],
    });
    expect((await w.send(crossing('a', 'Mong Cai'))).errors).toEqual([]);
    await w.send(crossing('b', 'Lao Cai'));
    const files = await w.finish();
    const links = rows(files, 'crossing-links.csv');
    expect(links).toHaveLength(2);
    const idOf = (file: string, name: string) =>
      rows(files, file)
        .find((row) => row.includes(`"${name}"`))!
        .split(',')[0]!;
    expect(links.filter((row) => row.endsWith('"MADE"'))).toEqual([
      expect.stringMatching(new RegExp(`^${idOf('people.csv', 'Vang Thi Dua')},`)),
    ]);
    expect(links.filter((row) => row.endsWith('"AT"'))).toEqual([
      expect.stringMatching(new RegExp(`,${idOf('checkpoints.csv', 'Lao Cai')},`)),
    ]);
  });

  it('writes the same files when the batches are checked ahead on threads as when checked in turn', async () => {
    // Small batches, so that many refer to what the batch just before them wrote; a replay, a
    // batch refused whole and a record that fails its check are in the stream too.
    const batches = collectScenario({ preset: 'demo', people: 400, rings: 2, seed: 5, batchSize: 40 })
      .batches as IngestBatchInput[];
    const stream = [
      ...batches.slice(0, 10),
      batches[3]!,
      { source: 'police', idempotencyKey: 'bad', people: [person('late', 'Bad Date', { dateOfBirth: '2099-01-01' })] },
      { source: ' ', people: [person('nobody', 'No Source')] },
      ...batches.slice(10),
    ].map((batch) => ({ batch }));
    const contents = async (ahead: ValidationPool | undefined) => {
      const w = await writer();
      const summary = await runImport(ahead ? w.validatingAhead(stream, ahead) : stream, w, { retries: 0 });
      const files = await w.finish();
      const text = Object.fromEntries(
        files.files
          .filter((f) => !f.path.endsWith('/change-events.csv'))
          .map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), readFileSync(f.path, 'utf8')]),
      );
      return { text, summary: { ...summary, seconds: 0, target: '' } };
    };
    const inTurn = await contents(undefined);
    const pool = new ValidationPool(2);
    try {
      const ahead = await contents(pool);
      expect(inTurn.summary.replayedBatches).toBe(1);
      expect(inTurn.summary.failedBatches).toHaveLength(1);
      expect(inTurn.summary.rejected).toBeGreaterThan(0);
      expect(ahead.summary).toEqual(inTurn.summary);
      expect(ahead.text).toEqual(inTurn.text);
    } finally {
      await pool.close();
    }
  });

  it('refuses a batch whole where the ingest does', async () => {
    const w = await writer();
    await expect(w.send({ source: 'a|b', people: [person('p1', 'X')] })).rejects.toThrow(BatchRefusedError);
    await w.finish();
  });

  it('names every file for the importer and for a server', async () => {
    const w = await writer();
    await w.send({ source: 'police', people: [person('p1', 'X')] });
    const files = await w.finish();
    const args = importerArguments(files, 'neo4j');
    expect(args[0]).toBe('neo4j');
    expect(args).toContain(`--nodes=Person:Entity=${join(files.dir, 'people.csv')}`);
    expect(args).toContain(`--nodes=ChangeEvent=${join(files.dir, 'change-events.csv')}`);
    expect(neo4jAdminCommand(files, 'neo4j')).toMatch(/^neo4j-admin database import full neo4j/);
  });
});
