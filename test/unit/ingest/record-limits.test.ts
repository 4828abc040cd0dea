import { describe, expect, it } from 'vitest';
import type { IngestBatchInput, PersonInput } from '../../../src/ingest/batch-types.ts';
import { MAX_DOCUMENTS_PER_PERSON, TEXT_LIMITS, isBlank, textProblem } from '../../../src/ingest/check-values.ts';
import { batchSource } from '../../../src/ingest/ingest-batch.ts';
import { validateBatch } from '../../../src/ingest/validate-batch.ts';

const now = new Date('2026-06-30T00:00:00Z');
const noneKnown = async () => new Map();

/** The code of the one record of a batch: null when it is accepted. */
async function codeOf(batch: Omit<IngestBatchInput, 'source'>): Promise<string | null> {
  const result = await validateBatch({ source: 'police', ...batch }, noneKnown, now);
  return result.errors[0]?.code ?? null;
}

const person = (fields: Partial<PersonInput>) => ({
  people: [{ externalId: 'p1', fullName: 'Lò Thị Hoa', ...fields }],
});
const long = (n: number) => 'x'.repeat(n);

const crossing = (fields: Record<string, string>) => ({
  people: [{ externalId: 'p1', fullName: 'Lò Thị Hoa' }],
  crossings: [
    {
      externalId: 'x1',
      person: { kind: 'PERSON' as const, externalId: 'p1' },
      checkpoint: 'Móng Cái',
      direction: 'EXIT',
      at: '2024-07-30T08:15:00+07:00',
      country: 'CN',
      ...fields,
    },
  ],
});

/** One rule per row, each with a value just inside it (accepted) and one outside (refused with its code). */
const RULES: {
  rule: string;
  accepted: Omit<IngestBatchInput, 'source'>;
  refused: Omit<IngestBatchInput, 'source'>;
  code: string;
}[] = [
  {
    rule: 'fullName length',
    accepted: person({ fullName: long(TEXT_LIMITS.name) }),
    refused: person({ fullName: long(TEXT_LIMITS.name + 1) }),
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'fullName length counted after trimming',
    accepted: person({ fullName: `  ${long(TEXT_LIMITS.name)}\n ` }),
    refused: person({ fullName: `  ${long(TEXT_LIMITS.name)}.` }),
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'externalId length',
    accepted: person({ externalId: long(TEXT_LIMITS.externalId) }),
    refused: person({ externalId: long(TEXT_LIMITS.externalId + 1) }),
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'document number length',
    accepted: person({ documentNumbers: [long(TEXT_LIMITS.documentNumber)] }),
    refused: person({ documentNumbers: [long(TEXT_LIMITS.documentNumber + 1)] }),
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'documents per person',
    accepted: person({ documentNumbers: Array.from({ length: MAX_DOCUMENTS_PER_PERSON }, (_, i) => `D${i}`) }),
    refused: person({ documentNumbers: Array.from({ length: MAX_DOCUMENTS_PER_PERSON + 1 }, (_, i) => `D${i}`) }),
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'province length',
    accepted: person({ province: long(TEXT_LIMITS.province) }),
    refused: person({ province: long(TEXT_LIMITS.province + 1) }),
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'broker name length',
    accepted: { brokers: [{ externalId: 'b1', name: long(TEXT_LIMITS.name), kind: 'UNLICENSED' }] },
    refused: { brokers: [{ externalId: 'b1', name: long(TEXT_LIMITS.name + 1), kind: 'UNLICENSED' }] },
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'licence number length',
    accepted: {
      brokers: [{ externalId: 'b1', name: 'B', kind: 'INDIVIDUAL', licenseNumber: long(TEXT_LIMITS.licenseNumber) }],
    },
    refused: {
      brokers: [
        { externalId: 'b1', name: 'B', kind: 'INDIVIDUAL', licenseNumber: long(TEXT_LIMITS.licenseNumber + 1) },
      ],
    },
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'case title length',
    accepted: {
      cases: [{ externalId: 'c1', title: long(TEXT_LIMITS.title), status: 'REPORTED', openedAt: '2024-01-01' }],
    },
    refused: {
      cases: [{ externalId: 'c1', title: long(TEXT_LIMITS.title + 1), status: 'REPORTED', openedAt: '2024-01-01' }],
    },
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'case number length',
    accepted: {
      cases: [
        {
          externalId: 'c1',
          title: 'T',
          status: 'REPORTED',
          openedAt: '2024-01-01',
          caseNumber: long(TEXT_LIMITS.caseNumber),
        },
      ],
    },
    refused: {
      cases: [
        {
          externalId: 'c1',
          title: 'T',
          status: 'REPORTED',
          openedAt: '2024-01-01',
          caseNumber: long(TEXT_LIMITS.caseNumber + 1),
        },
      ],
    },
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'vehicle plate length',
    accepted: crossing({ vehiclePlate: long(TEXT_LIMITS.vehiclePlate) }),
    refused: crossing({ vehiclePlate: long(TEXT_LIMITS.vehiclePlate + 1) }),
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'checkpoint length',
    accepted: crossing({ checkpoint: `Móng Cái${' '.repeat(TEXT_LIMITS.checkpoint)}` }),
    refused: crossing({ checkpoint: `Móng Cái ${long(TEXT_LIMITS.checkpoint)}` }),
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'phone number length',
    accepted: { phones: [{ number: `0912 345 678${' '.repeat(TEXT_LIMITS.phoneNumber)}` }] },
    refused: { phones: [{ number: `0912345678${'0'.repeat(TEXT_LIMITS.phoneNumber)}` }] },
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'a reference source length',
    accepted: {
      links: [
        {
          type: 'KNOWS',
          from: { kind: 'PERSON', externalId: 'p1' },
          to: { kind: 'PERSON', externalId: 'p2', source: long(TEXT_LIMITS.source) },
        },
      ],
    },
    refused: {
      links: [
        {
          type: 'KNOWS',
          from: { kind: 'PERSON', externalId: 'p1' },
          to: { kind: 'PERSON', externalId: 'p2', source: long(TEXT_LIMITS.source + 1) },
        },
      ],
    },
    // The accepted reference is well-formed but unknown: what matters is which check refuses it.
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'a date that would be echoed in its message',
    accepted: person({ dateOfBirth: '2001-02-03' }),
    refused: person({ dateOfBirth: `2001-02-03${long(TEXT_LIMITS.code)}` }),
    code: 'VALUE_TOO_LONG',
  },
  {
    rule: 'control characters in a name',
    accepted: person({ fullName: 'Lò Thị Hoa' }),
    refused: person({ fullName: 'Lò Thị\u0007 Hoa' }),
    code: 'INVALID_VALUE',
  },
  {
    rule: 'C1 control characters in an externalId',
    accepted: person({ externalId: 'p-1' }),
    refused: person({ externalId: 'p\u0085-1' }),
    code: 'INVALID_VALUE',
  },
  {
    rule: 'bidi overrides in a name',
    accepted: person({ fullName: 'Lò Thị Hoa' }),
    refused: person({ fullName: 'Lò Thị \u202EaoH' }),
    code: 'INVALID_VALUE',
  },
  {
    rule: 'bidi isolates in a document number',
    accepted: person({ documentNumbers: ['079301001234'] }),
    refused: person({ documentNumbers: ['\u2066079301001234\u2069'] }),
    code: 'INVALID_VALUE',
  },
  {
    rule: 'a name of zero-width characters only',
    accepted: person({ fullName: 'Hoa\u200B' }),
    refused: person({ fullName: '\u200B\u200C\u200D\u2060\uFEFF' }),
    code: 'MISSING_FIELD',
  },
  {
    rule: 'a broker name of white space and zero-width characters',
    accepted: { brokers: [{ externalId: 'b1', name: '\u00A0Ánh Dương\u200B', kind: 'UNLICENSED' }] },
    refused: { brokers: [{ externalId: 'b1', name: '\u00A0\u200B \u3000', kind: 'UNLICENSED' }] },
    code: 'MISSING_FIELD',
  },
  {
    rule: 'null bytes in a document number',
    accepted: person({ documentNumbers: ['B1234567'] }),
    refused: person({ documentNumbers: ['B123\u00004567'] }),
    code: 'INVALID_VALUE',
  },
  {
    rule: 'null bytes in a province',
    accepted: person({ province: 'Lào Cai' }),
    refused: person({ province: 'Lào\u0000Cai' }),
    code: 'INVALID_VALUE',
  },
  {
    rule: 'null bytes in a case title',
    accepted: { cases: [{ externalId: 'c1', title: 'Mua bán người', status: 'REPORTED', openedAt: '2024-01-01' }] },
    refused: { cases: [{ externalId: 'c1', title: 'Mua bán\u0000người', status: 'REPORTED', openedAt: '2024-01-01' }] },
    code: 'INVALID_VALUE',
  },
  {
    rule: 'null bytes in a vehicle plate',
    accepted: crossing({ vehiclePlate: '24C-123.45' }),
    refused: crossing({ vehiclePlate: '24C\u0000123.45' }),
    code: 'INVALID_VALUE',
  },
  {
    rule: 'half of a surrogate pair',
    accepted: person({ fullName: 'Hoa 🌸' }),
    refused: person({ fullName: 'Hoa \uD83C' }),
    code: 'INVALID_VALUE',
  },
];

describe('per-record limits', () => {
  it.each(RULES)('$rule: accepted inside the limit, refused outside it', async ({ accepted, refused, code }) => {
    const inside = await codeOf(accepted);
    expect(inside === null || inside === 'UNKNOWN_REFERENCE').toBe(true);
    expect(await codeOf(refused)).toBe(code);
  });

  it('refuses the bad record alone and keeps the rest of the batch', async () => {
    const result = await validateBatch(
      {
        source: 'police',
        people: [
          { externalId: 'p1', fullName: 'Lò Thị Hoa' },
          { externalId: 'p2', fullName: long(9000) },
          { externalId: 'p3', fullName: 'Vàng Thị Mỷ', documentNumbers: ['B1\u0000'] },
        ],
      },
      noneKnown,
      now,
    );
    expect(result.people.map((p) => p.externalId)).toEqual(['p1']);
    expect(result.errors.map((e) => [e.index, e.code])).toEqual([
      [1, 'VALUE_TOO_LONG'],
      [2, 'INVALID_VALUE'],
    ]);
  });

  it('never repeats an oversized value in its message', async () => {
    const result = await validateBatch(
      { source: 'police', people: [{ externalId: 'p1', fullName: 'A', dateOfBirth: long(100_000) }] },
      noneKnown,
      now,
    );
    expect(result.errors[0]?.message).toBe(
      `dateOfBirth has 100000 characters; at most ${TEXT_LIMITS.code} are accepted`,
    );
  });
});

describe('batch-level fields', () => {
  it.each([
    { field: 'source', accepted: long(TEXT_LIMITS.source), refused: long(TEXT_LIMITS.source + 1) },
    { field: 'source with a control character', accepted: 'border-guard', refused: 'border\u0007guard' },
    { field: 'source with a bidi override', accepted: 'border-guard', refused: '\u202Eborder-guard' },
    { field: 'source of zero-width characters', accepted: 'police', refused: '\u200B\u200B' },
  ])('$field', ({ accepted, refused }) => {
    expect(batchSource({ source: accepted })).toBe(accepted);
    expect(() => batchSource({ source: refused })).toThrow(/source/);
  });
});

describe('textProblem and isBlank', () => {
  it.each([
    { value: 'Văn Hùng', problem: null },
    { value: 'x'.repeat(11), problem: 'VALUE_TOO_LONG' },
    { value: 'a\u0000b', problem: 'INVALID_VALUE' },
    { value: 'a\tb', problem: 'INVALID_VALUE' },
    { value: 'a\u007Fb', problem: 'INVALID_VALUE' },
    { value: 'a\u2067b', problem: 'INVALID_VALUE' },
    { value: 'a\u200Fb', problem: null },
  ])('$value: $problem', ({ value, problem }) => {
    expect(textProblem(value, 'field', 10)?.code ?? null).toBe(problem);
  });

  it.each([
    { value: '', blank: true },
    { value: ' \u00A0\u3000', blank: true },
    { value: '\u200B\u200D\u2060\uFEFF\u00AD', blank: true },
    { value: '\u200Ba', blank: false },
  ])('isBlank($value) is $blank', ({ value, blank }) => {
    expect(isBlank(value)).toBe(blank);
  });
});
