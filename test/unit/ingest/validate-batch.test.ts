import { describe, expect, it } from 'vitest';
import { validateBatch, type KnownEntity } from '../../../src/ingest/validate-batch.ts';
import type { IngestBatchInput } from '../../../src/ingest/batch-types.ts';

const now = new Date('2026-06-30T00:00:00Z');
const known = new Map<string, KnownEntity>([['PERSON|police|old-1', { id: 'per_old', dateOfBirth: '2010-01-01' }]]);
const lookup = async (keys: readonly string[]) => new Map([...known].filter(([key]) => keys.includes(key)));

const codes = async (batch: IngestBatchInput) =>
  (await validateBatch(batch, lookup, now)).errors.map((e) => `${e.section}[${e.index}] ${e.code}`);

describe('validateBatch', () => {
  it('normalises names, folds them for search and reads phones as E.164', async () => {
    const result = await validateBatch(
      {
        source: 'police',
        people: [{ externalId: 'a', fullName: '  Nguyễn   Văn Hùng ' }],
        phones: [{ number: '0912 345 678' }],
      },
      lookup,
      now,
    );
    expect(result.people[0]?.props).toMatchObject({ fullName: 'Nguyễn Văn Hùng', foldedName: 'nguyen van hung' });
    expect(result.phones[0]?.e164).toBe('+84912345678');
    expect(result.errors).toEqual([]);
  });

  it('reports each bad record with its section, index and code', async () => {
    expect(
      await codes({
        source: 'police',
        people: [
          { externalId: 'a', fullName: 'A', dateOfBirth: '2030-01-01' },
          { externalId: 'b', fullName: 'B', dateOfBirth: '2020-02-30' },
          { externalId: 'c', fullName: '' },
          { externalId: 'd', fullName: 'D', nationality: 'QQ' },
        ],
        phones: [{ number: 'call me' }],
        links: [
          { type: 'KNOWS', from: { kind: 'PERSON', externalId: 'a' }, to: { kind: 'PERSON', externalId: 'ghost' } },
          {
            type: 'CALLED',
            from: { kind: 'PERSON', externalId: 'a' },
            to: { kind: 'PHONE', externalId: '0912345678' },
          },
          { type: 'INVOLVED_IN', from: { kind: 'PERSON', externalId: 'a' }, to: { kind: 'CASE', externalId: 'x' } },
        ],
      }),
    ).toEqual([
      'people[0] INVALID_DATE',
      'people[1] INVALID_DATE',
      'people[2] MISSING_FIELD',
      'people[3] INVALID_COUNTRY',
      'phones[0] INVALID_PHONE',
      'links[0] UNKNOWN_REFERENCE',
      'links[1] INVALID_LINK',
      'links[2] INVALID_LINK',
    ]);
  });

  it('resolves references to earlier batches and checks a crossing against the birth date', async () => {
    const crossing = (at: string) => ({
      externalId: `x-${at}`,
      person: { kind: 'PERSON' as const, externalId: 'old-1' },
      checkpoint: 'Móng Cái',
      direction: 'EXIT',
      at,
      country: 'CN',
    });
    const result = await validateBatch(
      { source: 'police', crossings: [crossing('2009-05-01T10:00:00+07:00'), crossing('2024-05-01T10:00:00+07:00')] },
      lookup,
      now,
    );
    expect(result.errors.map((e) => `${e.index} ${e.code}`)).toEqual(['0 INVALID_DATE']);
    expect(result.crossings[0]?.checkpoint).toMatchObject({ name: 'Mong Cai', code: 'MC', country: 'CN' });
    expect(result.externalRefs).toEqual(['PERSON|police|old-1']);
  });

  it('gives the same record the same id whoever computes it', async () => {
    const batch = { source: 'police', people: [{ externalId: 'a', fullName: 'A' }] };
    const [one, two] = await Promise.all([validateBatch(batch, lookup, now), validateBatch(batch, lookup, now)]);
    expect(one.people[0]?.id).toBe(two.people[0]?.id);
    expect(one.people[0]?.id).toMatch(/^per_/);
  });
});
