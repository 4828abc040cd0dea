import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { allCheckpoints } from '../../../seed/vocab/checkpoints.ts';
import { countBatchRecords, type EntityRefInput, type IngestBatchInput } from '../../../seed/ingest-types.ts';
import { cachedScenario } from './collect-scenario.ts';

import { CASE_ROLES } from '../../../src/entities/vocabulary.ts';

const smallBatches = { preset: 'demo', people: 1_200, rings: 5, seed: 11, batchSize: 60 } as const;

function e164(number: string): string {
  const parsed = parsePhoneNumberFromString(number, 'VN');
  if (!parsed?.isValid()) throw new Error(`invalid phone number ${number}`);
  return parsed.number;
}

/** Returns the references that name nothing sent before or in the same batch. */
function danglingReferences(batches: readonly IngestBatchInput[]): string[] {
  const sent = new Set<string>();
  const phones = new Set<string>();
  const dangling: string[] = [];
  const key = (source: string, kind: string, externalId: string): string => `${source}|${kind}|${externalId}`;
  for (const batch of batches) {
    for (const person of batch.people ?? []) sent.add(key(batch.source, 'PERSON', person.externalId));
    for (const broker of batch.brokers ?? []) sent.add(key(batch.source, 'BROKER', broker.externalId));
    for (const crossing of batch.crossings ?? []) sent.add(key(batch.source, 'BORDER_CROSSING', crossing.externalId));
    for (const record of batch.cases ?? []) sent.add(key(batch.source, 'CASE', record.externalId));
    for (const phone of batch.phones ?? []) phones.add(e164(phone.number));
    const resolves = (ref: EntityRefInput): boolean =>
      ref.kind === 'PHONE'
        ? phones.has(e164(ref.externalId))
        : sent.has(key(ref.source ?? batch.source, ref.kind, ref.externalId));
    for (const crossing of batch.crossings ?? []) {
      if (!resolves(crossing.person)) dangling.push(`${batch.source} crossing ${crossing.externalId}`);
    }
    for (const link of batch.links ?? []) {
      if (!resolves(link.from) || !resolves(link.to)) dangling.push(`${batch.source} ${JSON.stringify(link)}`);
    }
  }
  return dangling;
}

describe('scenario batches', () => {
  const { batches } = cachedScenario(smallBatches);

  it('never put more records in a batch than the limit', () => {
    expect(batches.length).toBeGreaterThan(20);
    for (const batch of batches) expect(countBatchRecords(batch)).toBeLessThanOrEqual(smallBatches.batchSize);
  });

  it('are full but at the end of each source: a reference to another source never sends its batch early', () => {
    const fullSize = { ...smallBatches, batchSize: 500 };
    const bySource = new Map<string, number[]>();
    for (const batch of cachedScenario(fullSize).batches) {
      bySource.set(batch.source, [...(bySource.get(batch.source) ?? []), countBatchRecords(batch)]);
    }
    for (const [source, sizes] of bySource) {
      // The last flush may release held records into one more batch of the source.
      expect(
        sizes.slice(0, -2).filter((size) => size < fullSize.batchSize),
        source,
      ).toEqual([]);
    }
  });

  it('only refer to entities sent earlier or in the same batch, within the source or with an explicit source', () => {
    expect(danglingReferences(batches)).toEqual([]);
    const crossSource = batches.flatMap((batch) =>
      (batch.links ?? []).filter((link) => link.from.source !== undefined || link.to.source !== undefined),
    );
    expect(crossSource.length).toBeGreaterThan(0);
  });

  it('carry unique idempotency keys and only the sections of the contract', () => {
    const keys = batches.map((batch) => batch.idempotencyKey);
    expect(new Set(keys).size).toBe(batches.length);
    const allowed = ['source', 'idempotencyKey', 'people', 'phones', 'brokers', 'crossings', 'cases', 'links'];
    for (const batch of batches) for (const field of Object.keys(batch)) expect(allowed).toContain(field);
  });

  it('write valid Vietnamese mobile numbers in several formats', () => {
    const numbers = batches.flatMap((batch) => (batch.phones ?? []).map((phone) => phone.number));
    for (const number of numbers) {
      const parsed = parsePhoneNumberFromString(number, 'VN');
      expect(parsed?.isValid(), number).toBe(true);
      expect(parsed?.getType(), number).toBe('MOBILE');
    }
    const shapes = new Set(numbers.map((number) => number.replace(/\d/g, '9')));
    expect(shapes).toContain('9999 999 999');
    expect(shapes).toContain('+99 999 999 999');
    expect(shapes).toContain('(+99) 999.999.999');
    expect(shapes).toContain('+99-999-999-999');
  });

  it('write dates, instants, countries and checkpoints as the contract expects', () => {
    const checkpointCountry = new Map(allCheckpoints.map((checkpoint) => [checkpoint.name, checkpoint.country]));
    for (const batch of batches) {
      for (const person of batch.people ?? []) {
        if (person.dateOfBirth !== undefined) expect(person.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(person.nationality).toBe('VN');
      }
      for (const crossing of batch.crossings ?? []) {
        expect(crossing.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
        expect(checkpointCountry.get(crossing.checkpoint)).toBe(crossing.country);
      }
      for (const record of batch.cases ?? []) expect(record.openedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const link of batch.links ?? []) {
        if (link.at !== undefined) expect(link.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
        if (link.type === 'INVOLVED_IN' && link.from.kind === 'PERSON') expect(CASE_ROLES).toContain(link.role);
      }
    }
  });

  it('write the same person differently across sources, names with and without diacritics', () => {
    const names = batches.flatMap((batch) => (batch.people ?? []).map((person) => person.fullName));
    expect(names.some((name) => /[ăâđêôơưĐ]|[\u0300-\u036f]|[àáảãạ]/u.test(name.normalize('NFD')))).toBe(true);
    expect(names.some((name) => /^[A-Z ]+$/.test(name))).toBe(true);
    const documents = batches.flatMap((batch) =>
      (batch.people ?? []).flatMap((person) => person.documentNumbers ?? []),
    );
    expect(documents.some((document) => /^CCCD:\d{12}$/.test(document))).toBe(true);
    expect(documents.some((document) => /^PP:[A-Z]\d{7}$/.test(document))).toBe(true);
  });
});
