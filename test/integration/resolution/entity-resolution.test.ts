import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import type { Database } from '../../../src/db/database.ts';
import { readRingProjection } from '../../../src/rings/projection/read-projection.ts';
import { connectTestDatabase, uniquePhone, uniqueSource } from '../../support/database.ts';
import { INGEST, asRole, graphql, startTestService } from '../../support/service.ts';

/**
 * One man known to three agencies under three spellings ("Phạm Quốc Vượng", "PHAM QUOC VUONG",
 * "Vuong Pham Quoc"), with a namesake born on another day. Each agency has its own source name,
 * so nothing here meets another test's records; duplicateCandidates reads the whole database, so
 * the assertions look at these records only.
 */
let service: RunningService;
let db: Database;
const base = uniqueSource('resolution');
const police = `${base}-police`;
const border = `${base}-border`;
const labour = `${base}-labour`;
const born = `19${randomInt(50, 99)}-0${randomInt(1, 9)}-1${randomInt(0, 9)}`;
const citizenId = `CCCD:0${randomInt(10_000_000_000, 99_999_999_999)}`;
const passport = `PP:C${randomInt(1_000_000, 9_999_999)}`;
const phoneA = uniquePhone();
const phoneB = uniquePhone();
const ids: Record<string, string> = {};

const ref = (externalId: string, source?: string) => ({ kind: 'PERSON', externalId, ...(source ? { source } : {}) });

async function ingest(batch: Record<string, unknown>) {
  const result = await graphql<{ ingest: { rejected: number } }>(service.url, INGEST, { batch });
  expect(result.errors).toBeUndefined();
  expect(result.data?.ingest.rejected).toBe(0);
}

async function idOf(source: string, externalId: string, kind = 'PERSON'): Promise<string> {
  const result = await graphql<{ entity: { id: string } | null }>(
    service.url,
    'query ($ref: EntityRefInput!) { entity(ref: $ref) { id } }',
    { ref: { kind, externalId, source } },
  );
  const id = result.data?.entity?.id;
  if (!id) throw new Error(`no entity ${source} ${externalId}`);
  return id;
}

/** Everything about these entities that a merge touches: properties, agency records, relationships. */
async function dump(entityIds: string[]) {
  const nodes = await db.runText<{ id: string; labels: string[]; props: Record<string, unknown> }>(
    'UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN id, labels(e) AS labels, properties(e) AS props ORDER BY id',
    { ids: entityIds },
  );
  const records = await db.runText<{ key: string; props: Record<string, unknown>; target: string }>(
    `UNWIND $ids AS id MATCH (s:SourceRecord)-[:RECORDS]->(e:Entity {id: id})
     RETURN s.key AS key, properties(s) AS props, e.id AS target ORDER BY key`,
    { ids: entityIds },
  );
  const relationships = await db.runText<{ type: string; from: string; to: string; props: Record<string, unknown> }>(
    `UNWIND $ids AS id MATCH (e:Entity {id: id})-[r]-(o) WHERE type(r) <> 'RECORDS'
     WITH DISTINCT r
     RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
     ORDER BY type, from, to`,
    { ids: entityIds },
  );
  const sortLists = (props: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    nodes: nodes.map((n) => ({ ...n, labels: [...n.labels].sort(), props: sortLists(n.props) })),
    records: records.map((r) => ({ ...r, props: sortLists(r.props) })),
    relationships: relationships.map((r) => ({ ...r, props: sortLists(r.props) })),
  };
}

interface Candidate {
  a: { id: string };
  b: { id: string };
  score: number;
  reasons: string[];
  autoMergeable: boolean;
}

async function candidatesAmong(entityIds: string[], headers: Record<string, string> = {}): Promise<Candidate[]> {
  const mine = new Set(entityIds);
  const found: Candidate[] = [];
  let after: string | null = null;
  for (;;) {
    const result: {
      data?: {
        duplicateCandidates: {
          edges: { node: Candidate }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      errors?: unknown;
    } = await graphql(
      service.url,
      `
        query ($after: String) {
          duplicateCandidates(minScore: 0.7, first: 100, after: $after) {
            edges {
              node {
                a {
                  id
                }
                b {
                  id
                }
                score
                reasons
                autoMergeable
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      `,
      { after },
      headers,
    );
    expect(result.errors).toBeUndefined();
    const page = result.data!.duplicateCandidates;
    found.push(...page.edges.map((e) => e.node).filter((n) => mine.has(n.a.id) && mine.has(n.b.id)));
    if (!page.pageInfo.hasNextPage) return found;
    after = page.pageInfo.endCursor;
  }
}

const pairKey = (a: string, b: string) => [a, b].sort().join('|');

beforeAll(async () => {
  service = await startTestService();
  db = await connectTestDatabase();
  await ingest({
    source: police,
    people: [
      {
        externalId: 'CD-1',
        fullName: 'Phạm Quốc Vượng',
        dateOfBirth: born,
        sex: 'MALE',
        documentNumbers: [citizenId],
        province: 'Lào Cai',
      },
      { externalId: 'CD-2', fullName: 'Đinh Thị Xuân', sex: 'FEMALE' },
      { externalId: 'CD-3', fullName: 'Phạm Quốc Vượng', dateOfBirth: '1948-12-30', sex: 'MALE' },
    ],
    phones: [{ number: phoneA }],
    cases: [{ externalId: 'HS-1', title: 'Mua bán người', status: 'UNDER_INVESTIGATION', openedAt: '2025-01-05' }],
    links: [
      { type: 'USES_PHONE', from: ref('CD-1'), to: { kind: 'PHONE', externalId: phoneA } },
      { type: 'KNOWS', from: ref('CD-1'), to: ref('CD-2') },
      { type: 'INVOLVED_IN', from: ref('CD-1'), to: { kind: 'CASE', externalId: 'HS-1' }, role: 'SUSPECT' },
    ],
  });
  await ingest({
    source: border,
    people: [
      { externalId: 'XNC-1', fullName: 'PHAM QUOC VUONG', dateOfBirth: born, sex: 'MALE', documentNumbers: [passport] },
    ],
    phones: [{ number: phoneB }],
    crossings: [
      {
        externalId: 'X-1',
        person: ref('XNC-1'),
        checkpoint: 'Lào Cai',
        direction: 'EXIT',
        at: '2025-02-01T08:00:00+07:00',
        country: 'CN',
      },
    ],
    links: [
      { type: 'USES_PHONE', from: ref('XNC-1'), to: { kind: 'PHONE', externalId: phoneB } },
      { type: 'KNOWS', from: ref('CD-2', police), to: ref('XNC-1') },
    ],
  });
  await ingest({
    source: labour,
    people: [{ externalId: 'NLD-1', fullName: 'Vuong Pham Quoc', documentNumbers: [citizenId, passport], sex: 'MALE' }],
    brokers: [{ externalId: 'B-1', name: 'Công ty Xuất khẩu Lao động Ánh Dương', kind: 'UNLICENSED' }],
    links: [{ type: 'RECRUITED_BY', from: ref('NLD-1'), to: { kind: 'BROKER', externalId: 'B-1' } }],
  });
  ids['police'] = await idOf(police, 'CD-1');
  ids['friend'] = await idOf(police, 'CD-2');
  ids['namesake'] = await idOf(police, 'CD-3');
  ids['border'] = await idOf(border, 'XNC-1');
  ids['labour'] = await idOf(labour, 'NLD-1');
  ids['crossing'] = await idOf(border, 'X-1', 'BORDER_CROSSING');
  ids['broker'] = await idOf(labour, 'B-1', 'BROKER');
});

afterAll(async () => {
  await db?.close();
  await service?.close();
});

const MERGE = `mutation ($keep: ID!, $merge: ID!, $reason: String!) {
  mergeEntities(keep: $keep, merge: $merge, reason: $reason) {
    id fullName dateOfBirth documentNumbers sources { source externalId } merges { id keptId mergedId by reason }
  } }`;
const UNMERGE = `mutation ($id: ID!) { unmergeEntity(id: $id) { id fullName sources { source externalId } } }`;

describe('entity resolution', () => {
  it('pairs the three records of one man, with reasons, and leaves his namesake out', async () => {
    const people = [ids['police']!, ids['border']!, ids['labour']!, ids['namesake']!];
    const found = await candidatesAmong(people, await asRole(['analyst']));
    const keys = found.map((c) => pairKey(c.a.id, c.b.id)).sort();
    expect(keys).toEqual(
      [
        pairKey(ids['police']!, ids['border']!),
        pairKey(ids['police']!, ids['labour']!),
        pairKey(ids['border']!, ids['labour']!),
      ].sort(),
    );
    const policeBorder = found.find((c) => pairKey(c.a.id, c.b.id) === pairKey(ids['police']!, ids['border']!))!;
    expect(policeBorder.score).toBeGreaterThan(0.9);
    expect(policeBorder.reasons).toContain('the same birth date');
    const policeLabour = found.find((c) => pairKey(c.a.id, c.b.id) === pairKey(ids['police']!, ids['labour']!))!;
    expect(policeLabour.autoMergeable).toBe(true);
    expect(policeLabour.reasons).toContain('the same citizen id (CCCD) number');
  });

  it('refuses a merge to an analyst (FORBIDDEN), and nothing changes', async () => {
    const variables = { keep: ids['police'], merge: ids['border'], reason: 'same man' };
    const refused = await graphql(service.url, MERGE, variables, await asRole(['analyst']));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await dump([ids['border']!])).nodes).toHaveLength(1);
  });

  it('merges and unmerges, restoring the graph exactly, provenance included; the audit trail has both', async () => {
    const touched = [ids['police']!, ids['border']!, ids['friend']!, ids['crossing']!];
    const before = await dump(touched);
    const investigator = await asRole(['investigator'], { sub: `${base}-investigator` });

    const merged = await graphql<{
      mergeEntities: {
        id: string;
        documentNumbers: string[];
        sources: { source: string; externalId: string }[];
        merges: { keptId: string; mergedId: string; by: string }[];
      };
    }>(
      service.url,
      MERGE,
      { keep: ids['police'], merge: ids['border'], reason: 'same man, case 14/2026' },
      investigator,
    );
    expect(merged.errors).toBeUndefined();
    const person = merged.data!.mergeEntities;
    expect(person.id).toBe(ids['police']);
    expect(person.sources.map((s) => s.source).sort()).toEqual([border, police].sort());
    expect(person.documentNumbers.sort()).toEqual([citizenId, passport].sort());
    expect(person.merges[0]).toMatchObject({
      keptId: ids['police'],
      mergedId: ids['border'],
      by: `${base}-investigator`,
    });

    // One node now: the border record's links (phone, crossing, the shared acquaintance) are the kept man's.
    const after = await dump([ids['police']!, ids['border']!]);
    expect(after.nodes.map((n) => n.id)).toEqual([ids['police']]);
    const knows = after.relationships.filter((r) => r.type === 'KNOWS');
    expect(knows).toHaveLength(1);
    expect((knows[0]!.props['sources'] as string[]).sort()).toEqual([border, police].sort());

    const chart = await graphql<{ linkChart: { nodes: { id: string }[] } }>(
      service.url,
      'query ($seeds: [ID!]!) { linkChart(seeds: $seeds, depth: 1) { nodes { id } } }',
      { seeds: [ids['police']] },
      investigator,
    );
    const chartIds = chart.data!.linkChart.nodes.map((n) => n.id);
    expect(chartIds).toEqual(expect.arrayContaining([ids['crossing'], await idOf('', phoneB, 'PHONE')]));
    const paths = await graphql<{ paths: { length: number }[] }>(
      service.url,
      'query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 2) { length } }',
      { from: ids['police'], to: ids['crossing'] },
      investigator,
    );
    expect(paths.data!.paths[0]?.length).toBe(1);

    // Ring detection's projection sees one person where there were two records.
    const projection = await readRingProjection(db, { referenceDate: '2026-06-30' });
    const projected = projection.nodes.map((n) => n.entityId);
    expect(projected).toContain(ids['police']);
    expect(projected).not.toContain(ids['border']);

    const undone = await graphql<{ unmergeEntity: { id: string }[] }>(
      service.url,
      UNMERGE,
      { id: ids['police'] },
      investigator,
    );
    expect(undone.errors).toBeUndefined();
    expect(undone.data!.unmergeEntity.map((p) => p.id)).toEqual([ids['police'], ids['border']]);
    expect(await dump(touched)).toEqual(before);

    const trail = await graphql<{
      auditTrail: { edges: { node: { rootFields: string[]; outcome: string; actor: string; entityIds: string[] } }[] };
    }>(
      service.url,
      'query ($id: ID!) { auditTrail(entityId: $id, first: 20) { edges { node { rootFields outcome actor entityIds } } } }',
      { id: ids['border'] },
    );
    const events = trail.data!.auditTrail.edges.map((e) => e.node);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rootFields: ['mergeEntities'], outcome: 'ALLOWED', actor: `${base}-investigator` }),
        expect.objectContaining({ rootFields: ['unmergeEntity'], outcome: 'ALLOWED', actor: `${base}-investigator` }),
      ]),
    );
    expect(events.find((e) => e.rootFields[0] === 'mergeEntities')?.entityIds).toEqual(
      expect.arrayContaining([ids['police'], ids['border']]),
    );
  });

  it('does not propose again a pair whose merge was undone', async () => {
    const found = await candidatesAmong([ids['police']!, ids['border']!, ids['labour']!]);
    const keys = found.map((c) => pairKey(c.a.id, c.b.id));
    expect(keys).not.toContain(pairKey(ids['police']!, ids['border']!));
    expect(keys).toContain(pairKey(ids['police']!, ids['labour']!));
  });

  it('answers NOT_FOUND and BAD_USER_INPUT for merges that cannot be', async () => {
    const investigator = await asRole(['investigator']);
    const self = await graphql(
      service.url,
      MERGE,
      { keep: ids['police'], merge: ids['police'], reason: 'x' },
      investigator,
    );
    expect(self.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const broker = await graphql(
      service.url,
      MERGE,
      { keep: ids['police'], merge: ids['broker'], reason: 'x' },
      investigator,
    );
    expect(broker.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const none = await graphql(service.url, UNMERGE, { id: ids['labour'] }, investigator);
    expect(none.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("keeps the kept person's values when a merged record is sent again", async () => {
    const investigator = await asRole(['investigator']);
    const merged = await graphql<{ mergeEntities: { fullName: string } }>(
      service.url,
      MERGE,
      { keep: ids['police'], merge: ids['border'], reason: 'same man' },
      investigator,
    );
    expect(merged.errors).toBeUndefined();
    const kept = merged.data!.mergeEntities.fullName;
    await ingest({ source: border, people: [{ externalId: 'XNC-1', fullName: 'Renamed By Border Guard' }] });
    const after = await graphql<{ node: { fullName: string } }>(
      service.url,
      'query ($id: ID!) { node(id: $id) { ... on Person { fullName } } }',
      { id: ids['police'] },
    );
    expect(after.data!.node.fullName).toBe(kept);
    const undone = await graphql(service.url, UNMERGE, { id: ids['police'] }, investigator);
    expect(undone.errors).toBeUndefined();
  });

  it('merges twice into one entity and undoes the merges last first', async () => {
    const investigator = await asRole(['investigator']);
    const touched = [ids['police']!, ids['border']!, ids['labour']!, ids['friend']!, ids['crossing']!, ids['broker']!];
    const before = await dump(touched);
    for (const merge of [ids['labour'], ids['border']]) {
      const result = await graphql(
        service.url,
        MERGE,
        { keep: ids['police'], merge, reason: 'same man' },
        investigator,
      );
      expect(result.errors).toBeUndefined();
    }
    const merges = await graphql<{ node: { merges: { id: string; mergedId: string }[] } }>(
      service.url,
      'query ($id: ID!) { node(id: $id) { ... on Person { merges { id mergedId } } } }',
      { id: ids['police'] },
    );
    const [latest, earlier] = merges.data!.node.merges;
    expect(latest?.mergedId).toBe(ids['border']);
    const outOfOrder = await graphql(
      service.url,
      'mutation ($id: ID!, $mergeId: ID) { unmergeEntity(id: $id, mergeId: $mergeId) { id } }',
      { id: ids['police'], mergeId: earlier?.id },
      investigator,
    );
    expect(outOfOrder.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (let i = 0; i < 2; i++) {
      const result = await graphql(service.url, UNMERGE, { id: ids['police'] }, investigator);
      expect(result.errors).toBeUndefined();
    }
    expect(await dump(touched)).toEqual(before);
  });
});
