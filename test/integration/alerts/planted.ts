import type { IngestBatchInput } from '../../../src/ingest/batch-types.ts';

/** An instant `days` ago (plus minutes), as a border post writes it. */
export function daysAgo(days: number, minutes = 0): string {
  return new Date(Date.now() - days * 86_400_000 + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A birth date that makes the person `age` today and at crossings of the last weeks (half a year past the birthday). */
export function bornYearsAgo(age: number): string {
  return new Date(Date.now() - (age * 365.25 + 180) * 86_400_000).toISOString().slice(0, 10);
}

export const ref = (externalId: string) => ({ kind: 'PERSON' as const, externalId });

export function crossing(
  externalId: string,
  person: string,
  direction: 'EXIT' | 'ENTRY',
  at: string,
  checkpoint = 'Lao Cai',
  country = 'CN',
) {
  return { externalId, person: ref(person), checkpoint, direction, at, country };
}

export function batch(source: string, parts: Omit<IngestBatchInput, 'source'>): IngestBatchInput {
  return { source, ...parts };
}
