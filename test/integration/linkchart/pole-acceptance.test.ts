import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import { readCsvFileSync } from '../../../src/import/read-csv.ts';
import { entityId, refKey, sourceKey } from '../../../src/entities/entity-keys.ts';
import { normalizePhone } from '../../../src/entities/normalize-phone.ts';
import { uniqueSource } from '../../support/database.ts';
import { INGEST, graphql, startTestService } from '../../support/service.ts';
import { CHART, type ChartResult } from './small-network.ts';
import { TEST_JWT_SECRET, ingestHeaders, investigatorHeaders } from './tokens.ts';

/**
 * Acceptance on real data nobody on the project wrote: Neo4j's POLE crime-investigation data
 * set (../shared/data/pole), imported through the public ingest mutation, then link charts
 * and paths compared with neighbourhoods and shortest paths computed here from the CSV files.
 *
 * What is imported: people (name + surname, the NHS number as a document), phones, HAS_PHONE
 * as USES_PHONE, PhoneCall nodes (CALLER and CALLED) aggregated to CALLED phone → phone with
 * their count, KNOWS / KNOWS_SN / KNOWS_LW / KNOWS_PHONE as KNOWS and FAMILY_REL as
 * RELATIVE_OF. POLE's phone numbers are made up ("0-(070)893-3322"): read in VN, then in GB,
 * only 5 of 328 are dialable numbers; the others are skipped on both sides of the comparison
 * (with their HAS_PHONE links and calls), as the ingest contract would refuse them.
 */
const zip = fileURLToPath(new URL('../../../../shared/data/pole/pole-data-importer.zip', import.meta.url));

const PERSON_LINKS: Record<string, 'KNOWS' | 'RELATIVE_OF'> = {
  KNOWS: 'KNOWS',
  KNOWS_SN: 'KNOWS',
  KNOWS_LW: 'KNOWS',
  KNOWS_PHONE: 'KNOWS',
  FAMILY_REL: 'RELATIVE_OF',
};

/** A CSV file of the import format, read as the importer reads it (src/import/read-csv.ts). */
function readCsv(dir: string, name: string): Record<string, string>[] {
  return readCsvFileSync(join(dir, `crime-investigation.${name}.csv`)).rows;
}

interface Pole {
  people: Map<string, { name: string; document: string }>;
  phones: Map<string, string>; // POLE id → E.164, dialable ones only
  skippedPhones: number;
  links: { type: string; from: string; to: string; count?: number }[]; // POLE ids
}

function loadPole(dir: string): Pole {
  const people = new Map(
    readCsv(dir, 'nodes.Person').map((r) => [
      r[':ID']!,
      { name: `${r['name']} ${r['surname']}`.trim(), document: r['nhs_no']! },
    ]),
  );
  const phones = new Map<string, string>();
  let skippedPhones = 0;
  for (const r of readCsv(dir, 'nodes.Phone')) {
    const e164 = normalizePhone(r['phoneNo']!, 'VN') ?? normalizePhone(r['phoneNo']!, 'GB');
    if (e164) phones.set(r[':ID']!, e164);
    else skippedPhones++;
  }
  const links: Pole['links'] = [];
  const seen = new Set<string>();
  for (const [file, type] of Object.entries(PERSON_LINKS)) {
    for (const r of readCsv(dir, `relationships.${file}`)) {
      const [a, b] = [r[':START_ID']!, r[':END_ID']!];
      if (a === b || !people.has(a) || !people.has(b)) continue;
      const key = `${type}:${[a, b].sort().join(':')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ type, from: a, to: b });
    }
  }
  for (const r of readCsv(dir, 'relationships.HAS_PHONE')) {
    if (people.has(r[':START_ID']!) && phones.has(r[':END_ID']!)) {
      links.push({ type: 'USES_PHONE', from: r[':START_ID']!, to: r[':END_ID']! });
    }
  }
  const caller = new Map(readCsv(dir, 'relationships.CALLER').map((r) => [r[':START_ID']!, r[':END_ID']!]));
  const callee = new Map(readCsv(dir, 'relationships.CALLED').map((r) => [r[':START_ID']!, r[':END_ID']!]));
  const calls = new Map<string, number>();
  for (const [call, from] of caller) {
    const to = callee.get(call);
    if (!to || from === to || !phones.has(from) || !phones.has(to)) continue;
    const key = `${from}>${to}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
  }
  for (const [key, count] of calls) {
    const [from, to] = key.split('>') as [string, string];
    links.push({ type: 'CALLED', from, to, count });
  }
  return { people, phones, skippedPhones, links };
}

describe.skipIf(!existsSync(zip))('POLE acceptance: charts and paths on real data', () => {
  let dir: string;
  let service: RunningService;
  let pole: Pole;
  let source: string;
  /** POLE id → the service's entity id, derived the way ingest derives it. */
  const serviceId = (poleId: string) => {
    const e164 = pole.phones.get(poleId);
    return e164
      ? entityId('PHONE', refKey('PHONE', '', e164))
      : entityId('PERSON', sourceKey('PERSON', source, `pole-${poleId}`));
  };
  /** The undirected graph of what was imported, for the expected answers. */
  const adjacency = new Map<string, Set<string>>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ringwatch-pole-'));
    execFileSync('unzip', ['-o', '-q', zip, '-d', dir]);
    pole = loadPole(dir);
    service = await startTestService({ AUTH_JWT_SECRET: TEST_JWT_SECRET });
    source = uniqueSource('pole');
    const ref = (poleId: string) =>
      pole.phones.has(poleId)
        ? { kind: 'PHONE', externalId: pole.phones.get(poleId)! }
        : { kind: 'PERSON', externalId: `pole-${poleId}` };
    const batch = {
      source,
      people: [...pole.people].map(([id, p]) => ({
        externalId: `pole-${id}`,
        fullName: p.name,
        documentNumbers: [p.document],
        nationality: 'GB',
      })),
      phones: [...pole.phones.values()].map((number) => ({ number })),
      links: pole.links.map((l) => ({
        type: l.type,
        from: ref(l.from),
        to: ref(l.to),
        ...(l.count ? { count: l.count } : {}),
      })),
    };
    const result = await graphql<{ ingest: { accepted: number; errors: unknown[] } }>(
      service.url,
      INGEST,
      { batch },
      await ingestHeaders(source),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingest.errors).toEqual([]);
    for (const l of pole.links) {
      const [a, b] = [serviceId(l.from), serviceId(l.to)];
      if (!adjacency.has(a)) adjacency.set(a, new Set());
      if (!adjacency.has(b)) adjacency.set(b, new Set());
      adjacency.get(a)!.add(b);
      adjacency.get(b)!.add(a);
    }
  }, 300_000);

  afterAll(async () => {
    await service?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports every person and every dialable phone', () => {
    expect(pole.people.size).toBe(369);
    expect(pole.phones.size + pole.skippedPhones).toBe(328);
  });

  /** People with links, in a stable order: the sample spreads over all of them. */
  const linkedPeople = () =>
    [...pole.people.keys()]
      .map(serviceId)
      .filter((id) => adjacency.has(id))
      .sort();

  it('draws depth-1 charts of 20 people equal to their neighbourhoods in the CSV files', async () => {
    const people = linkedPeople();
    const headers = await investigatorHeaders();
    const step = Math.floor(people.length / 20);
    let compared = 0;
    for (let i = 0; i < 20; i++) {
      const seed = people[i * step]!;
      const result = await graphql<ChartResult>(
        service.url,
        CHART,
        { seeds: [seed], depth: 1, maxNodes: 2000 },
        headers,
      );
      expect(result.errors).toBeUndefined();
      const expected = [seed, ...adjacency.get(seed)!].sort();
      expect(result.data!.linkChart.nodes.map((n) => n.id).sort(), seed).toEqual(expected);
      expect(result.data!.linkChart.truncated).toBe(false);
      compared++;
    }
    expect(compared).toBe(20);
  });

  it('finds paths as long as the shortest paths of a BFS over the CSV edges, for 20 pairs', async () => {
    const people = linkedPeople();
    const headers = await investigatorHeaders();
    const PATHS = 'query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 10, first: 3) { length } }';
    let reachable = 0;
    for (let k = 0; k < 20; k++) {
      const from = people[(k * 37) % people.length]!;
      const to = people[(k * 53 + 11) % people.length]!;
      if (from === to) continue;
      const distance = bfsDistance(adjacency, from, to);
      const result = await graphql<{ paths: { length: number }[] }>(service.url, PATHS, { from, to }, headers);
      expect(result.errors).toBeUndefined();
      const lengths = result.data!.paths.map((p) => p.length);
      if (distance === undefined || distance > 10) {
        expect(lengths, `${from} → ${to}`).toEqual([]);
      } else {
        reachable++;
        expect(lengths[0], `${from} → ${to}`).toBe(distance);
        expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
      }
    }
    expect(reachable).toBeGreaterThan(5);
  });
});

function bfsDistance(adjacency: Map<string, Set<string>>, from: string, to: string): number | undefined {
  const distance = new Map([[from, 0]]);
  let frontier = [from];
  while (frontier.length) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbour of adjacency.get(node) ?? []) {
        if (distance.has(neighbour)) continue;
        distance.set(neighbour, distance.get(node)! + 1);
        if (neighbour === to) return distance.get(neighbour);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return undefined;
}
