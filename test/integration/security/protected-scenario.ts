import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { uniquePhone, uniqueSource } from '../../support/database.ts';
import { INGEST, graphql } from '../../support/service.ts';

/** A word of letters only, so names stay searchable and never collide across tests. */
function tag(): string {
  return [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
}

function yearsAgo(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

export interface ProtectedScenario {
  source: string;
  ids: Record<string, string>;
  /** What an uncleared viewer must never see: names, documents, birth dates, phone numbers of protected people. */
  secrets: string[];
  /** Names of people who are not protected, for the positive control. */
  visibleNames: string[];
  names: Record<string, string>;
  phones: Record<string, string>;
}

/**
 * A small network around one broker: a girl of 10, a verified victim, a suspected victim, a
 * girl who is both under 16 and a victim, a suspect and his phone. Ingested over HTTP.
 */
export async function ingestProtectedScenario(url: string): Promise<ProtectedScenario> {
  const source = uniqueSource('protected');
  const t = tag();
  const names = {
    minor: `Vũ Thị Hoa ${t}`,
    victim: `Đặng Thị Thu ${t}`,
    suspected: `Hoàng Thị Mai ${t}`,
    both: `Lý Thị Ngọc ${t}`,
    suspect: `Trịnh Văn Nam ${t}`,
  };
  const docs = { minor: `MN${t}01`, victim: `VC${t}02`, suspected: `SV${t}03`, both: `BT${t}04`, suspect: `SP${t}05` };
  const births = {
    minor: yearsAgo(10),
    victim: '1995-03-17',
    suspected: '1998-07-21',
    both: yearsAgo(14),
    suspect: '1979-05-02',
  };
  const phones = { minor: uniquePhone(), victim: uniquePhone(), suspect: uniquePhone() };
  const person = (key: keyof typeof names) => ({
    externalId: key,
    fullName: names[key],
    dateOfBirth: births[key],
    documentNumbers: [docs[key]],
    sex: key === 'suspect' ? 'MALE' : 'FEMALE',
  });
  const ref = (kind: string, externalId: string) => ({ kind, externalId });
  const batch = {
    source,
    people: (Object.keys(names) as (keyof typeof names)[]).map(person),
    phones: Object.values(phones).map((number) => ({ number })),
    brokers: [{ externalId: 'b1', name: `Công ty Ánh Sao ${t}`, kind: 'UNLICENSED' }],
    cases: [{ externalId: 'c1', title: 'Mua bán người', status: 'UNDER_INVESTIGATION', openedAt: '2025-01-10' }],
    links: [
      { type: 'USES_PHONE', from: ref('PERSON', 'minor'), to: ref('PHONE', phones.minor) },
      { type: 'USES_PHONE', from: ref('PERSON', 'victim'), to: ref('PHONE', phones.victim) },
      { type: 'USES_PHONE', from: ref('PERSON', 'suspect'), to: ref('PHONE', phones.suspect) },
      { type: 'CALLED', from: ref('PHONE', phones.suspect), to: ref('PHONE', phones.victim), count: 12 },
      { type: 'CALLED', from: ref('PHONE', phones.suspect), to: ref('PHONE', phones.minor), count: 3 },
      { type: 'RECRUITED_BY', from: ref('PERSON', 'minor'), to: ref('BROKER', 'b1') },
      { type: 'RECRUITED_BY', from: ref('PERSON', 'victim'), to: ref('BROKER', 'b1') },
      { type: 'RECRUITED_BY', from: ref('PERSON', 'both'), to: ref('BROKER', 'b1') },
      { type: 'RECRUITED_BY', from: ref('PERSON', 'suspected'), to: ref('PERSON', 'suspect') },
      { type: 'OPERATES', from: ref('PERSON', 'suspect'), to: ref('BROKER', 'b1') },
      { type: 'KNOWS', from: ref('PERSON', 'suspect'), to: ref('PERSON', 'minor') },
      { type: 'INVOLVED_IN', from: ref('PERSON', 'victim'), to: ref('CASE', 'c1'), role: 'VICTIM' },
      { type: 'INVOLVED_IN', from: ref('PERSON', 'suspected'), to: ref('CASE', 'c1'), role: 'SUSPECTED_VICTIM' },
      { type: 'INVOLVED_IN', from: ref('PERSON', 'both'), to: ref('CASE', 'c1'), role: 'VICTIM' },
      { type: 'INVOLVED_IN', from: ref('PERSON', 'suspect'), to: ref('CASE', 'c1'), role: 'SUSPECT' },
    ],
  };
  const result = await graphql<{ ingest: { rejected: number; errors: unknown[] } }>(url, INGEST, { batch });
  expect(result.errors).toBeUndefined();
  expect(result.data!.ingest.errors).toEqual([]);

  const ids: Record<string, string> = {};
  const find = /* GraphQL */ `
    query Find($ref: EntityRefInput!) {
      entity(ref: $ref) {
        id
      }
    }
  `;
  const refs: [string, { kind: string; externalId: string; source?: string }][] = [
    ...Object.keys(names).map(
      (k) =>
        [k, { kind: 'PERSON', externalId: k, source }] as [
          string,
          { kind: string; externalId: string; source: string },
        ],
    ),
    ['broker', { kind: 'BROKER', externalId: 'b1', source }],
    ['case', { kind: 'CASE', externalId: 'c1', source }],
    ...Object.entries(phones).map(
      ([k, n]) => [`phone:${k}`, { kind: 'PHONE', externalId: n }] as [string, { kind: string; externalId: string }],
    ),
  ];
  for (const [key, r] of refs) {
    const found = await graphql<{ entity: { id: string } | null }>(url, find, { ref: r });
    ids[key] = found.data!.entity!.id;
  }
  const protectedKeys = ['minor', 'victim', 'suspected', 'both'] as const;
  return {
    source,
    ids,
    names,
    phones,
    secrets: [...protectedKeys.flatMap((k) => [names[k], docs[k], births[k]]), phones.minor, phones.victim],
    visibleNames: [names.suspect],
  };
}
