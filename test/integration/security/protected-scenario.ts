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

export interface PersonAtThreeAgencies {
  sources: { police: string; border: string; labour: string };
  /** Her three records' externalIds, by agency. */
  externalIds: { police: string; border: string; labour: string };
  /** Entity ids: her three records, her phone, and the unprotected people and things around her. */
  ids: Record<'police' | 'border' | 'labour' | 'phone' | 'suspect' | 'suspectPhone' | 'broker' | 'case', string>;
  /** The letters only her names contain (and her externalIds): found in any spelling, folded or not. */
  tag: string;
  spellings: string[];
  dateOfBirth: string;
  document: string;
  phone: string;
  /** Everything an uncleared viewer must never see of her, compared without regard to case. */
  secrets: string[];
  suspectName: string;
}

function randomDate(): string {
  const day = Date.UTC(1960, 0, 1) + Math.floor(Math.random() * 40 * 365) * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

/**
 * One woman with a record at three agencies, none of them merged: the police record is the only
 * one that says she is a victim; the border guard writes her name in ASCII capitals and shares her
 * citizen id; the labour department writes the given name first and shares her birth date. A
 * suspect (unprotected) calls her phone, knows her and recruits for a broker that recruited her.
 */
export async function ingestPersonAtThreeAgencies(url: string): Promise<PersonAtThreeAgencies> {
  const t = tag();
  const family = t.charAt(0).toUpperCase() + t.slice(1);
  const spellings = [`${family} Thị Ngọc Hân`, `${t.toUpperCase()} THI NGOC HAN`, `Hân ${family} Thị Ngọc`];
  const dateOfBirth = randomDate();
  const digits = String(Math.floor(Math.random() * 1e11)).padStart(11, '0');
  const document = `CCCD:0${digits}`;
  const phone = uniquePhone();
  const suspectPhone = uniquePhone();
  const sources = { police: uniqueSource('police'), border: uniqueSource('border'), labour: uniqueSource('labour') };
  const externalIds = { police: `${t}-p1`, border: `${t}-b1`, labour: `${t}-l1` };
  const suspectName = `Trịnh Văn Khải ${tag()}`;
  const ref = (kind: string, externalId: string, source?: string) => ({
    kind,
    externalId,
    ...(source ? { source } : {}),
  });
  const batches = [
    {
      source: sources.police,
      people: [
        {
          externalId: externalIds.police,
          fullName: spellings[0],
          dateOfBirth,
          documentNumbers: [document],
          sex: 'FEMALE',
        },
        { externalId: 'suspect', fullName: suspectName, dateOfBirth: '1971-09-30', sex: 'MALE' },
      ],
      phones: [{ number: phone }, { number: suspectPhone }],
      brokers: [{ externalId: 'broker', name: `Công ty Sao Mai ${tag()}`, kind: 'UNLICENSED' }],
      cases: [{ externalId: 'case', title: 'Mua bán người', status: 'UNDER_INVESTIGATION', openedAt: '2025-02-01' }],
      links: [
        { type: 'USES_PHONE', from: ref('PERSON', externalIds.police), to: ref('PHONE', phone) },
        { type: 'USES_PHONE', from: ref('PERSON', 'suspect'), to: ref('PHONE', suspectPhone) },
        { type: 'CALLED', from: ref('PHONE', suspectPhone), to: ref('PHONE', phone), count: 25 },
        { type: 'INVOLVED_IN', from: ref('PERSON', externalIds.police), to: ref('CASE', 'case'), role: 'VICTIM' },
        { type: 'INVOLVED_IN', from: ref('PERSON', 'suspect'), to: ref('CASE', 'case'), role: 'SUSPECT' },
        { type: 'RECRUITED_BY', from: ref('PERSON', externalIds.police), to: ref('PERSON', 'suspect') },
        { type: 'OPERATES', from: ref('PERSON', 'suspect'), to: ref('BROKER', 'broker') },
      ],
    },
    {
      source: sources.border,
      people: [{ externalId: externalIds.border, fullName: spellings[1], documentNumbers: [document], sex: 'FEMALE' }],
      crossings: [
        {
          externalId: `x-${tag()}`,
          person: ref('PERSON', externalIds.border),
          checkpoint: 'Mong Cai',
          direction: 'EXIT',
          at: '2025-01-20T06:30:00+07:00',
          country: 'CN',
        },
      ],
      links: [{ type: 'KNOWS', from: ref('PERSON', externalIds.border), to: ref('PERSON', 'suspect', sources.police) }],
    },
    {
      source: sources.labour,
      people: [{ externalId: externalIds.labour, fullName: spellings[2], dateOfBirth, sex: 'FEMALE' }],
      links: [
        { type: 'RECRUITED_BY', from: ref('PERSON', externalIds.labour), to: ref('BROKER', 'broker', sources.police) },
        { type: 'USES_PHONE', from: ref('PERSON', externalIds.labour), to: ref('PHONE', phone) },
      ],
    },
  ];
  for (const batch of batches) {
    const result = await graphql<{ ingest: { errors: unknown[] } }>(url, INGEST, { batch });
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingest.errors).toEqual([]);
  }
  const find = `query Find($ref: EntityRefInput!) { entity(ref: $ref) { id } }`;
  const idOf = async (r: { kind: string; externalId: string; source?: string }) => {
    const found = await graphql<{ entity: { id: string } | null }>(url, find, { ref: r });
    return found.data!.entity!.id;
  };
  const ids = {
    police: await idOf(ref('PERSON', externalIds.police, sources.police)),
    border: await idOf(ref('PERSON', externalIds.border, sources.border)),
    labour: await idOf(ref('PERSON', externalIds.labour, sources.labour)),
    phone: await idOf(ref('PHONE', phone)),
    suspect: await idOf(ref('PERSON', 'suspect', sources.police)),
    suspectPhone: await idOf(ref('PHONE', suspectPhone)),
    broker: await idOf(ref('BROKER', 'broker', sources.police)),
    case: await idOf(ref('CASE', 'case', sources.police)),
  };
  return {
    sources,
    externalIds,
    ids,
    tag: t,
    spellings,
    dateOfBirth,
    document,
    phone,
    secrets: [t, ...spellings, dateOfBirth, document, document.slice('CCCD:'.length), phone, phone.slice(1)],
    suspectName,
  };
}
