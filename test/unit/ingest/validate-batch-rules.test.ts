import { describe, expect, it } from 'vitest';
import type {
  BrokerInput,
  CaseInput,
  CrossingInput,
  IngestBatchInput,
  LinkInput,
  PersonInput,
  PhoneInput,
  Section,
} from '../../../src/ingest/batch-types.ts';
import { validateBatch, type KnownEntity } from '../../../src/ingest/validate-batch.ts';

// One case per rule of validateBatch: a valid batch with one record changed so that exactly
// that rule, and no other, refuses it. Turning any rule off leaves that record accepted, so
// its case fails; the valid batch itself must pass, so a rule that refuses too much fails too.

const now = new Date('2026-06-30T00:00:00Z');
const known = new Map<string, KnownEntity>([['PERSON|police|old-1', { id: 'per_old', dateOfBirth: '2010-01-01' }]]);
const lookup = async (keys: readonly string[]) => new Map([...known].filter(([key]) => keys.includes(key)));

const person: PersonInput = {
  externalId: 'p1',
  fullName: 'Trần Thị Mai',
  dateOfBirth: '1990-04-01',
  sex: 'FEMALE',
  nationality: 'VN',
};
const otherPerson: PersonInput = { externalId: 'p2', fullName: 'Lê Văn Nam' };
const phone: PhoneInput = { number: '0912 345 678' };
const otherPhone: PhoneInput = { number: '0987 654 321' };
const broker: BrokerInput = { externalId: 'b1', name: 'Sao Mai Labour', kind: 'UNLICENSED', licenseStatus: 'NONE' };
const aCase: CaseInput = { externalId: 'c1', title: 'Case 12', status: 'REPORTED', openedAt: '2024-02-01' };
const crossing: CrossingInput = {
  externalId: 'x1',
  person: { kind: 'PERSON', externalId: 'p1' },
  checkpoint: 'Móng Cái',
  direction: 'EXIT',
  at: '2024-05-01T10:00:00+07:00',
  country: 'CN',
};
const link: LinkInput = {
  type: 'KNOWS',
  from: { kind: 'PERSON', externalId: 'p1' },
  to: { kind: 'PERSON', externalId: 'p2' },
};

function batchWith(section: Section, record: unknown): IngestBatchInput {
  const base: IngestBatchInput = {
    source: 'police',
    people: [person, otherPerson],
    phones: [phone, otherPhone],
    brokers: [broker],
    cases: [aCase],
    crossings: [crossing],
    links: [link],
  };
  return { ...base, [section]: [...(base[section] ?? []), record] };
}

interface RuleCase {
  rule: string;
  section: Section;
  record: unknown;
  code: string;
  /** A part of the message that names what was wrong, so a different rule refusing the record does not pass. */
  says: RegExp;
}

const rules: RuleCase[] = [
  // people
  {
    rule: 'person externalId required',
    section: 'people',
    record: { ...person, externalId: ' ' },
    code: 'MISSING_FIELD',
    says: /externalId is empty/,
  },
  {
    rule: 'person fullName required',
    section: 'people',
    record: { ...person, externalId: 'p9', fullName: '' },
    code: 'MISSING_FIELD',
    says: /fullName is empty/,
  },
  {
    rule: 'no null byte in a text',
    section: 'people',
    record: { ...person, externalId: 'p9', fullName: 'A\u0000B' },
    code: 'INVALID_VALUE',
    says: /null byte/,
  },
  {
    rule: 'dateOfBirth is a real date',
    section: 'people',
    record: { ...person, externalId: 'p9', dateOfBirth: '2020-02-30' },
    code: 'INVALID_DATE',
    says: /is not a date/,
  },
  {
    rule: 'dateOfBirth not in the future',
    section: 'people',
    record: { ...person, externalId: 'p9', dateOfBirth: '2026-07-01' },
    code: 'INVALID_DATE',
    says: /in the future/,
  },
  {
    rule: 'dateOfBirth not before 1900',
    section: 'people',
    record: { ...person, externalId: 'p9', dateOfBirth: '1899-12-31' },
    code: 'INVALID_DATE',
    says: /before 1900/,
  },
  {
    rule: 'sex from the list',
    section: 'people',
    record: { ...person, externalId: 'p9', sex: 'F' },
    code: 'INVALID_VALUE',
    says: /sex must be one of/,
  },
  {
    rule: 'nationality is ISO 3166-1',
    section: 'people',
    record: { ...person, externalId: 'p9', nationality: 'QQ' },
    code: 'INVALID_COUNTRY',
    says: /nationality "QQ"/,
  },
  // phones
  {
    rule: 'phone number required',
    section: 'phones',
    record: { number: '' },
    code: 'MISSING_FIELD',
    says: /number is empty/,
  },
  {
    rule: 'phone defaultCountry is ISO 3166-1',
    section: 'phones',
    record: { number: '0912 000 111', defaultCountry: 'XX' },
    code: 'INVALID_COUNTRY',
    says: /defaultCountry "XX"/,
  },
  {
    rule: 'phone number dialable',
    section: 'phones',
    record: { number: 'call me' },
    code: 'INVALID_PHONE',
    says: /not a dialable number/,
  },
  // brokers
  {
    rule: 'broker externalId required',
    section: 'brokers',
    record: { ...broker, externalId: '' },
    code: 'MISSING_FIELD',
    says: /externalId is empty/,
  },
  {
    rule: 'broker name required',
    section: 'brokers',
    record: { ...broker, externalId: 'b9', name: ' ' },
    code: 'MISSING_FIELD',
    says: /name is empty/,
  },
  {
    rule: 'broker kind from the list',
    section: 'brokers',
    record: { ...broker, externalId: 'b9', kind: 'AGENCY' },
    code: 'INVALID_VALUE',
    says: /kind must be one of/,
  },
  {
    rule: 'broker licenseStatus from the list',
    section: 'brokers',
    record: { ...broker, externalId: 'b9', licenseStatus: 'VALID' },
    code: 'INVALID_VALUE',
    says: /licenseStatus must be one of/,
  },
  // cases
  {
    rule: 'case externalId required',
    section: 'cases',
    record: { ...aCase, externalId: '' },
    code: 'MISSING_FIELD',
    says: /externalId is empty/,
  },
  {
    rule: 'case title required',
    section: 'cases',
    record: { ...aCase, externalId: 'c9', title: '' },
    code: 'MISSING_FIELD',
    says: /title is empty/,
  },
  {
    rule: 'case status from the list',
    section: 'cases',
    record: { ...aCase, externalId: 'c9', status: 'OPEN' },
    code: 'INVALID_VALUE',
    says: /status must be one of/,
  },
  {
    rule: 'case openedAt required',
    section: 'cases',
    record: { ...aCase, externalId: 'c9', openedAt: '' },
    code: 'MISSING_FIELD',
    says: /openedAt is empty/,
  },
  {
    rule: 'case openedAt is a date',
    section: 'cases',
    record: { ...aCase, externalId: 'c9', openedAt: '2024-13-01' },
    code: 'INVALID_DATE',
    says: /openedAt "2024-13-01" is not a date/,
  },
  {
    rule: 'case openedAt not in the future',
    section: 'cases',
    record: { ...aCase, externalId: 'c9', openedAt: '2026-07-01' },
    code: 'INVALID_DATE',
    says: /in the future/,
  },
  // crossings
  {
    rule: 'crossing externalId required',
    section: 'crossings',
    record: { ...crossing, externalId: '' },
    code: 'MISSING_FIELD',
    says: /externalId is empty/,
  },
  {
    rule: 'crossing names a person',
    section: 'crossings',
    record: { ...crossing, externalId: 'x9', person: { kind: 'BROKER', externalId: 'b1' } },
    code: 'INVALID_LINK',
    says: /must name a PERSON/,
  },
  {
    rule: 'crossing direction from the list',
    section: 'crossings',
    record: { ...crossing, externalId: 'x9', direction: 'OUT' },
    code: 'INVALID_VALUE',
    says: /direction must be one of/,
  },
  {
    rule: 'crossing at required',
    section: 'crossings',
    record: { ...crossing, externalId: 'x9', at: '' },
    code: 'MISSING_FIELD',
    says: /at is empty/,
  },
  {
    rule: 'crossing at has an offset',
    section: 'crossings',
    record: { ...crossing, externalId: 'x9', at: '2024-05-01T10:00:00' },
    code: 'INVALID_DATE',
    says: /not a date-time with an offset/,
  },
  {
    rule: 'crossing at not in the future',
    section: 'crossings',
    record: { ...crossing, externalId: 'x9', at: '2026-07-02T00:00:00Z' },
    code: 'INVALID_DATE',
    says: /in the future/,
  },
  {
    rule: 'crossing country is ISO 3166-1',
    section: 'crossings',
    record: { ...crossing, externalId: 'x9', country: 'China' },
    code: 'INVALID_COUNTRY',
    says: /country "CHINA"/,
  },
  {
    rule: 'crossing checkpoint required',
    section: 'crossings',
    record: { ...crossing, externalId: 'x9', checkpoint: ' ' },
    code: 'MISSING_FIELD',
    says: /checkpoint is empty/,
  },
  {
    rule: 'crossing person known',
    section: 'crossings',
    record: { ...crossing, externalId: 'x9', person: { kind: 'PERSON', externalId: 'ghost' } },
    code: 'UNKNOWN_REFERENCE',
    says: /person PERSON ghost/,
  },
  {
    rule: 'crossing not before the birth (in the batch)',
    section: 'crossings',
    record: { ...crossing, externalId: 'x9', at: '1989-01-01T10:00:00+07:00' },
    code: 'INVALID_DATE',
    says: /before the person's birth/,
  },
  {
    rule: 'crossing not before the birth (known)',
    section: 'crossings',
    record: {
      ...crossing,
      externalId: 'x9',
      person: { kind: 'PERSON', externalId: 'old-1' },
      at: '2009-05-01T10:00:00+07:00',
    },
    code: 'INVALID_DATE',
    says: /before the person's birth/,
  },
  // links
  {
    rule: 'link type known',
    section: 'links',
    record: { ...link, type: 'LOVES' },
    code: 'INVALID_LINK',
    says: /unknown link type LOVES/,
  },
  {
    rule: 'link starts at an allowed kind',
    section: 'links',
    record: {
      ...link,
      type: 'CALLED',
      from: { kind: 'PERSON', externalId: 'p1' },
      to: { kind: 'PHONE', externalId: '0912345678' },
    },
    code: 'INVALID_LINK',
    says: /cannot start at a PERSON/,
  },
  {
    rule: 'link ends at an allowed kind',
    section: 'links',
    record: { ...link, type: 'USES_PHONE', to: { kind: 'BROKER', externalId: 'b1' } },
    code: 'INVALID_LINK',
    says: /cannot end at a BROKER/,
  },
  {
    rule: 'role is a case role',
    section: 'links',
    record: {
      type: 'INVOLVED_IN',
      from: { kind: 'PERSON', externalId: 'p1' },
      to: { kind: 'CASE', externalId: 'c1' },
      role: 'BYSTANDER',
    },
    code: 'INVALID_VALUE',
    says: /role BYSTANDER is not a case role/,
  },
  {
    rule: "a person's case link has a role",
    section: 'links',
    record: { type: 'INVOLVED_IN', from: { kind: 'PERSON', externalId: 'p1' }, to: { kind: 'CASE', externalId: 'c1' } },
    code: 'INVALID_LINK',
    says: /needs a role/,
  },
  {
    rule: 'link at has an offset',
    section: 'links',
    record: { ...link, at: '2024-05-01' },
    code: 'INVALID_DATE',
    says: /not a date-time with an offset/,
  },
  {
    rule: 'count at least 1',
    section: 'links',
    record: {
      type: 'CALLED',
      from: { kind: 'PHONE', externalId: '0912345678' },
      to: { kind: 'PHONE', externalId: '0987654321' },
      count: 0,
    },
    code: 'INVALID_VALUE',
    says: /count must be a whole number/,
  },
  {
    rule: 'count a whole number',
    section: 'links',
    record: {
      type: 'CALLED',
      from: { kind: 'PHONE', externalId: '0912345678' },
      to: { kind: 'PHONE', externalId: '0987654321' },
      count: 1.5,
    },
    code: 'INVALID_VALUE',
    says: /count must be a whole number/,
  },
  {
    rule: 'reference complete',
    section: 'links',
    record: { ...link, to: { kind: 'PERSON', externalId: '' } },
    code: 'MISSING_FIELD',
    says: /reference externalId is empty/,
  },
  {
    rule: 'phone reference dialable',
    section: 'links',
    record: {
      type: 'USES_PHONE',
      from: { kind: 'PERSON', externalId: 'p1' },
      to: { kind: 'PHONE', externalId: 'none' },
    },
    code: 'INVALID_PHONE',
    says: /"none" is not a dialable number/,
  },
  {
    rule: 'link from known',
    section: 'links',
    record: { ...link, from: { kind: 'PERSON', externalId: 'ghost' } },
    code: 'UNKNOWN_REFERENCE',
    says: /from PERSON ghost/,
  },
  {
    rule: 'link to known',
    section: 'links',
    record: { ...link, to: { kind: 'PERSON', externalId: 'ghost' } },
    code: 'UNKNOWN_REFERENCE',
    says: /to PERSON ghost/,
  },
  {
    rule: 'no self-link',
    section: 'links',
    record: { ...link, to: { kind: 'PERSON', externalId: 'p1' } },
    code: 'INVALID_LINK',
    says: /cannot join an entity to itself/,
  },
  {
    rule: 'no self-link between one phone written twice',
    section: 'links',
    record: {
      type: 'CALLED',
      from: { kind: 'PHONE', externalId: '0912345678' },
      to: { kind: 'PHONE', externalId: '+84 912 345 678' },
    },
    code: 'INVALID_LINK',
    says: /cannot join an entity to itself/,
  },
];

describe('validateBatch, one case per rule', () => {
  it('accepts the valid batch that every case starts from', async () => {
    const result = await validateBatch(
      batchWith('people', { externalId: 'p0', fullName: 'Born 1900', dateOfBirth: '1900-01-01' }),
      lookup,
      now,
    );
    expect(result.errors).toEqual([]);
    expect(result.people).toHaveLength(3);
    expect(result.links).toHaveLength(1);
    expect(result.crossings).toHaveLength(1);
  });

  it.each(rules)('$rule: $code', async ({ section, record, code, says }) => {
    const batch = batchWith(section, record);
    const result = await validateBatch(batch, lookup, now);
    const index = (batch[section] ?? []).length - 1;
    expect(result.errors.map((e) => `${e.section}[${e.index}] ${e.code}`)).toEqual([`${section}[${index}] ${code}`]);
    expect(result.errors[0]?.message).toMatch(says);
  });

  it('gives every rule of the table a distinct case', () => {
    expect(new Set(rules.map((r) => r.rule)).size).toBe(rules.length);
  });
});
