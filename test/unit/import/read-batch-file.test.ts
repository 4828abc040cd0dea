import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestBatchInput } from '../../../src/ingest/batch-types.ts';
import { readBatchFile } from '../../../src/import/read-batch-file.ts';
import { runImport } from '../../../src/import/run-import.ts';
import { RetryableSendError, type BatchSender } from '../../../src/import/send/batch-sender.ts';

const dir = mkdtempSync(join(tmpdir(), 'ringwatch-import-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const batch = (n: number): IngestBatchInput => ({
  source: 'police',
  idempotencyKey: `k${n}`,
  people: [{ externalId: `p${n}`, fullName: 'A' }],
  links: [
    {
      type: 'KNOWS',
      from: { kind: 'PERSON', externalId: `p${n}` },
      to: { kind: 'PERSON', externalId: 'x', source: 'police' },
    },
  ],
});

async function collect(path: string, format: 'json' | 'ndjson', source?: string, batchSize = 100) {
  const out: IngestBatchInput[] = [];
  for await (const { batch } of readBatchFile(path, format, { source, batchSize })) out.push(batch);
  return out;
}

describe('batch files', () => {
  it('reads one batch, an array, or one batch per line', async () => {
    writeFileSync(join(dir, 'one.json'), JSON.stringify(batch(1)));
    writeFileSync(join(dir, 'many.json'), JSON.stringify([batch(1), batch(2)]));
    writeFileSync(join(dir, 'lines.ndjson'), `${JSON.stringify(batch(1))}\n\n${JSON.stringify(batch(2))}\n`);
    expect(await collect(join(dir, 'one.json'), 'json')).toEqual([batch(1)]);
    expect(await collect(join(dir, 'many.json'), 'json')).toEqual([batch(1), batch(2)]);
    expect(await collect(join(dir, 'lines.ndjson'), 'ndjson')).toEqual([batch(1), batch(2)]);
  });

  it('moves batches to another source and splits a large one with keys derived from its own', async () => {
    const [moved] = await collect(join(dir, 'one.json'), 'json', 'test-src');
    expect(moved!.source).toBe('test-src');
    expect(moved!.links![0]!.to.source).toBe('test-src');
    const parts = await collect(join(dir, 'one.json'), 'json', undefined, 1);
    expect(parts.map((p) => p.idempotencyKey)).toEqual(['k1-part-001', 'k1-part-002']);
    expect(parts[0]!.people).toHaveLength(1);
    expect(parts[1]!.links).toHaveLength(1);
  });

  it('names the line that is not JSON', async () => {
    writeFileSync(join(dir, 'bad.ndjson'), `${JSON.stringify(batch(1))}\n{oops\n`);
    await expect(collect(join(dir, 'bad.ndjson'), 'ndjson')).rejects.toThrow(/line 2: not valid JSON/);
  });
});

describe('sending', () => {
  it('retries a batch whose failure may pass, counts rejections by code, and records failed batches', async () => {
    let calls = 0;
    const sender: BatchSender = {
      describe: 'fake',
      send: async (b) => {
        calls += 1;
        if (calls === 1) throw new RetryableSendError('DATABASE_UNAVAILABLE', 'restarting');
        if (b.idempotencyKey === 'k3') throw new RetryableSendError('DATABASE_UNAVAILABLE', 'still down');
        return {
          accepted: 1,
          rejected: 1,
          replayed: false,
          errors: [{ section: 'links', index: 0, code: 'UNKNOWN_REFERENCE', message: 'x is unknown' }],
        };
      },
    };
    const summary = await runImport([{ batch: batch(1) }, { batch: batch(2) }, { batch: batch(3) }], sender, {
      retries: 2,
      backoffMs: () => 1,
    });
    expect(summary.sent).toBe(4);
    expect(summary.accepted).toBe(2);
    expect(summary.rejectedByCode['UNKNOWN_REFERENCE']!.count).toBe(2);
    expect(summary.rejectedByCode['UNKNOWN_REFERENCE']!.examples[0]).toBe('batch 1 links[0]: x is unknown');
    expect(summary.failedBatches).toEqual([
      { batch: 3, code: 'DATABASE_UNAVAILABLE', message: 'still down', records: 2 },
    ]);
    expect(summary.retries).toBe(3);
  });
});
