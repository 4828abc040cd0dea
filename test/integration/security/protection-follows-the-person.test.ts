import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import { uniquePhone, uniqueSource } from '../../support/database.ts';
import { INGEST, asRole, graphql, startTestService, type GraphQLResponse } from '../../support/service.ts';
import { operationFor, rootFields } from './every-field.ts';
import { ingestPersonAtThreeAgencies, type PersonAtThreeAgencies } from './protected-scenario.ts';

let service: RunningService;
let her: PersonAtThreeAgencies;
let uncleared: Record<string, string>;

beforeAll(async () => {
  service = await startTestService();
  her = await ingestPersonAtThreeAgencies(service.url);
  uncleared = await asRole(['investigator'], { sub: 'uncleared-investigator' });
});
afterAll(async () => {
  await service?.close();
});

/** The secrets of hers that a response shows, compared without regard to case. */
function leaked(response: unknown): string[] {
  const text = JSON.stringify(response).toLowerCase();
  return her.secrets.filter((secret) => text.includes(secret.toLowerCase()));
}

/**
 * The cursor just before the first duplicate pair of hers in the uncleared investigator's list
 * (other tests' people share the database, so her pairs need not be on the first page).
 */
async function beforeHerPairs(): Promise<string | null> {
  type Page = { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean } };
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const response: GraphQLResponse<{ duplicateCandidates: Page }> = await graphql<{ duplicateCandidates: Page }>(
      service.url,
      `
        query ($after: String) {
          duplicateCandidates(minScore: 0.5, first: 500, after: $after) {
            edges {
              cursor
              node {
                id
              }
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      `,
      { after },
      uncleared,
    );
    const { edges, pageInfo }: Page = response.data!.duplicateCandidates;
    const at = edges.findIndex((e) => e.node.id.includes(her.ids.police));
    if (at >= 0) return at > 0 ? edges[at - 1]!.cursor : after;
    if (!pageInfo.hasNextPage) break;
    after = edges.at(-1)!.cursor;
  }
  throw new Error('no duplicate pair of hers in the list');
}

/** The id of the newest alert about an entity, once the service's evaluator has raised it. */
async function alertAbout(entityId: string): Promise<string> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const listed = await graphql<{ alerts: { edges: { node: { id: string; entities: { id: string }[] } }[] } }>(
      service.url,
      '{ alerts(rules: ["WATCHED_ENTITY_ACTIVITY"], first: 50) { edges { node { id entities { id } } } } }',
    );
    const found = listed.data?.alerts.edges.find((e) => e.node.entities.some((entity) => entity.id === entityId));
    if (found) return found.node.id;
    if (Date.now() > deadline) throw new Error(`no alert about ${entityId}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const read = (query: string, variables: Record<string, unknown> = {}, headers = uncleared) =>
  graphql<Record<string, unknown>>(service.url, query, variables, headers);

describe('protection follows the person across a clerical slip', () => {
  it('masks a record of her birth date whose name another agency mistyped, and not a stranger born that day', async () => {
    // A made-up family name of six letters, so that only her records bear it.
    const family = [...'abcdefghij']
      .sort(() => Math.random() - 0.5)
      .slice(0, 6)
      .join('');
    const name = `${family.charAt(0).toUpperCase()}${family.slice(1)} Thị Mai`;
    // Two letters swapped by the border guard: "abcdef" as "abcdfe".
    const slip = `${family.slice(0, 4)}${family.charAt(5)}${family.charAt(4)} THI MAI`.toUpperCase();
    const day = Date.UTC(1970, 0, 1) + Math.floor(Math.random() * 30 * 365) * 86_400_000;
    const dateOfBirth = new Date(day).toISOString().slice(0, 10);
    const police = uniqueSource('police');
    const border = uniqueSource('border');
    const send = async (batch: Record<string, unknown>) => {
      const result = await graphql<{ ingest: { errors: unknown[] } }>(service.url, INGEST, { batch });
      expect(result.data!.ingest.errors).toEqual([]);
    };
    await send({
      source: police,
      people: [{ externalId: 'v1', fullName: name, dateOfBirth }],
      cases: [{ externalId: 'c1', title: 'Mua bán người', status: 'UNDER_INVESTIGATION', openedAt: '2025-02-01' }],
      links: [
        {
          type: 'INVOLVED_IN',
          from: { kind: 'PERSON', externalId: 'v1' },
          to: { kind: 'CASE', externalId: 'c1' },
          role: 'VICTIM',
        },
      ],
    });
    await send({
      source: border,
      people: [
        { externalId: 'b1', fullName: slip, dateOfBirth },
        { externalId: 'b2', fullName: `Trần Văn Bình ${family}x`, dateOfBirth },
      ],
    });
    const query = `query ($ref: EntityRefInput!) { entity(ref: $ref) { id label } }`;
    const theirs = await read(query, { ref: { kind: 'PERSON', externalId: 'b1', source: border } });
    expect(theirs.errors).toBeUndefined();
    // An uncleared viewer is told of no such record, as for her own.
    expect(theirs.data!['entity']).toBeNull();
    const stranger = await read(query, { ref: { kind: 'PERSON', externalId: 'b2', source: border } });
    expect((stranger.data!['entity'] as { label: string }).label).toBe(`Trần Văn Bình ${family}x`);
  });
});

describe('a protected phone, for a viewer without clearance', () => {
  it('shows its agency records under a pseudonym, not keyed by its number', async () => {
    const sources = `sources { source externalId }`;
    const phone = `id label e164 ${sources}`;
    const response = await read(
      `query ($suspect: ID!, $phone: ID!, $police: ID!) {
        suspect: node(id: $suspect) { ... on Person { phones { ${phone} calls { edges { node { other { ${phone} } } } } } } }
        phone: node(id: $phone) { ... on Phone { ${phone} users { id label ${sources} } } }
        her: node(id: $police) { ... on Person { ${sources} phones { ${phone} } } }
      }`,
      { suspect: her.ids.suspect, phone: her.ids.phone, police: her.ids.police },
    );
    expect(response.errors).toBeUndefined();
    expect(leaked(response)).toEqual([]);
    const shown = response.data!['phone'] as { sources: { source: string; externalId: string }[] };
    expect(shown.sources.length).toBeGreaterThan(0);
    for (const record of shown.sources) expect(record.externalId).toMatch(/^Protected record [0-9A-F]{6}$/);
    // The agencies stay: which agency reported the number is not an identifier.
    expect(shown.sources.map((s) => s.source)).toContain(her.sources.police);
  });
});

describe('protection follows the person across agencies', () => {
  it('masks her border-guard and labour records, which do not say she is a victim, as her police record is', async () => {
    const person = `id label sources { externalId } ... on Person { fullName dateOfBirth documentNumbers }`;
    const response = await read(
      `query ($border: ID!, $labour: ID!) { border: node(id: $border) { ${person} } labour: node(id: $labour) { ${person} } }`,
      { border: her.ids.border, labour: her.ids.labour },
    );
    expect(response.errors).toBeUndefined();
    expect(leaked(response)).toEqual([]);
    const border = response.data!['border'] as { label: string; documentNumbers: string[] };
    expect(border.label).toMatch(/^Protected person [0-9A-F]{6}$/);
    expect(border.documentNumbers).toEqual([]);
    expect((response.data!['labour'] as { label: string }).label).toMatch(/^Protected person [0-9A-F]{6}$/);
  });

  it('lists her records as duplicate candidates only under pseudonyms', async () => {
    const response = await read(
      `query ($first: Int, $after: String) { duplicateCandidates(minScore: 0.5, first: $first, after: $after) { edges { node { id reasons a { id label fullName dateOfBirth documentNumbers } b { id label fullName dateOfBirth documentNumbers } } } } }`,
      { first: 20, after: await beforeHerPairs() },
    );
    expect(response.errors).toBeUndefined();
    expect(leaked(response)).toEqual([]);
    const pairs = (response.data!['duplicateCandidates'] as { edges: { node: { id: string } }[] }).edges;
    expect(pairs.some((p) => p.node.id.includes(her.ids.border) && p.node.id.includes(her.ids.police))).toBe(true);
  });

  it('finds no record of hers by her document number or any spelling of her name', async () => {
    for (const text of [her.document, her.document.slice('CCCD:'.length), ...her.spellings]) {
      const response = await read(`query ($text: String!) { search(text: $text) { entity { id label } } }`, { text });
      expect(response.errors).toBeUndefined();
      expect(response.data!['search'], text).toEqual([]);
    }
    // A viewer with clearance finds all three.
    const cleared = await graphql<{ search: { entity: { id: string } }[] }>(
      service.url,
      `
        query ($text: String!) {
          search(text: $text) {
            entity {
              id
            }
          }
        }
      `,
      { text: her.spellings[1] },
    );
    expect(cleared.data!.search.map((h) => h.entity.id)).toEqual(
      expect.arrayContaining([her.ids.police, her.ids.border, her.ids.labour]),
    );
  });

  it('counts a record that says a person is under 16 at once, for her records at other agencies too', async () => {
    const source = uniqueSource('registry');
    const other = uniqueSource('school');
    const document = `CCCD:0${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
    const name = `Đỗ Minh Châu ${source.slice(-8)}`;
    const send = (batch: Record<string, unknown>) => graphql(service.url, INGEST, { batch });
    await send({ source, people: [{ externalId: 'c1', fullName: name, documentNumbers: [document] }] });
    const query = `query ($ref: EntityRefInput!) { entity(ref: $ref) { label } }`;
    const ref = { kind: 'PERSON', externalId: 'c1', source };
    const before = await read(query, { ref });
    expect((before.data!['entity'] as { label: string }).label).toBe(name);
    const born = new Date(Date.now() - 9 * 365 * 86_400_000).toISOString().slice(0, 10);
    await send({
      source: other,
      people: [{ externalId: 's1', fullName: name.toUpperCase(), dateOfBirth: born, documentNumbers: [document] }],
    });
    const after = await read(query, { ref });
    expect(after.errors).toBeUndefined();
    expect(after.data!['entity']).toBeNull();
  });
});

describe('entity(ref:) for a viewer without clearance', () => {
  it('answers a protected phone number and an unmerged twin record as unknown', async () => {
    const query = `query ($ref: EntityRefInput!) { entity(ref: $ref) { id label } }`;
    for (const ref of [
      { kind: 'PHONE', externalId: her.phone },
      { kind: 'PHONE', externalId: `0${her.phone.slice(3)}` },
      { kind: 'PERSON', externalId: her.externalIds.police, source: her.sources.police },
      { kind: 'PERSON', externalId: her.externalIds.border, source: her.sources.border },
      { kind: 'PERSON', externalId: her.externalIds.labour, source: her.sources.labour },
    ]) {
      const response = await read(query, { ref });
      expect(response.errors, JSON.stringify(ref)).toBeUndefined();
      expect(response.data!['entity'], JSON.stringify(ref)).toBeNull();
    }
    // The same lookups answer a viewer with clearance, and an unknown number answers null to both.
    const cleared = await graphql<{ entity: { id: string } | null }>(service.url, query, {
      ref: { kind: 'PHONE', externalId: her.phone },
    });
    expect(cleared.data!.entity?.id).toBe(her.ids.phone);
    const unknown = await read(query, { ref: { kind: 'PHONE', externalId: uniquePhone() } });
    expect(unknown.data!['entity']).toBeNull();
  });
});

/**
 * Every root field, read with every field of its result, as an investigator without clearance.
 * The lines come from the schema: a root field without one here fails the first test.
 */
describe('every operation, read whole as an uncleared investigator', () => {
  type Reads = (h: PersonAtThreeAgencies) => { args: Record<string, string>; variables: Record<string, unknown> }[];
  const herPeople = (h: PersonAtThreeAgencies) => [h.ids.police, h.ids.border, h.ids.labour];
  const chart = { seeds: '[ID!]!', depth: 'Int' };
  const queries: Record<string, Reads> = {
    latestDetectionRun: () => [{ args: {}, variables: {} }],
    node: (h) => Object.values(h.ids).map((id) => ({ args: { id: 'ID!' }, variables: { id } })),
    entity: (h) =>
      [
        { kind: 'PERSON', externalId: h.externalIds.police, source: h.sources.police },
        { kind: 'PERSON', externalId: h.externalIds.border, source: h.sources.border },
        { kind: 'PERSON', externalId: h.externalIds.labour, source: h.sources.labour },
        { kind: 'PERSON', externalId: 'suspect', source: h.sources.police },
        { kind: 'PHONE', externalId: h.phone },
        { kind: 'BROKER', externalId: 'broker', source: h.sources.police },
        { kind: 'CASE', externalId: 'case', source: h.sources.police },
      ].map((ref) => ({ args: { ref: 'EntityRefInput!' }, variables: { ref } })),
    linkChart: (h) => [
      { args: chart, variables: { seeds: [h.ids.suspect, h.ids.broker, h.ids.case], depth: 3 } },
      { args: chart, variables: { seeds: herPeople(h), depth: 2 } },
    ],
    paths: (h) =>
      herPeople(h).map((to) => ({ args: { from: 'ID!', to: 'ID!' }, variables: { from: h.ids.suspect, to } })),
    ringCandidates: () => [
      { args: { first: 'Int', includeDismissed: 'Boolean' }, variables: { first: 50, includeDismissed: true } },
    ],
    ring: () => [], // filled in below with the ids of the rings detection found
    auditTrail: () => [{ args: { first: 'Int' }, variables: { first: 50 } }],
    search: (h) =>
      [...h.spellings, h.document, h.phone, h.suspectName, ...Object.values(h.externalIds)].map((text) => ({
        args: { text: 'String!' },
        variables: { text },
      })),
    exportLinkChart: (h) =>
      ['GRAPHML', 'GEXF', 'I2_CSV', 'JSON'].map((format) => ({
        args: { ...chart, format: 'ExportFormat!' },
        variables: { seeds: [h.ids.suspect, h.ids.broker], depth: 3, format },
      })),
    duplicateCandidates: () => [], // filled in below: the page that holds her pairs
    // Her alert is the newest of its rule. Fifty alerts read whole, each entity with its
    // neighbours, run out of database connections (an error, not a leak): a page of five.
    alerts: () => [
      {
        args: { rules: '[String!]', first: 'Int' },
        variables: { rules: ['WATCHED_ENTITY_ACTIVITY'], first: 5 },
      },
    ],
    alert: () => [], // filled in below: the alert about her that her watcher's new record raises
    watches: () => [{ args: {}, variables: {} }],
    webhooks: () => [{ args: {}, variables: {} }],
    webhookDeadLetters: () => [{ args: { first: 'Int' }, variables: { first: 50 } }],
    checkpoints: () => [{ args: {}, variables: {} }],
    timeline: (h) => [{ args: { ids: '[ID!]!' }, variables: { ids: [...herPeople(h), h.ids.suspect, h.ids.phone] } }],
    savedCharts: () => [{ args: { first: 'Int' }, variables: { first: 50 } }],
    savedChart: () => [], // filled in below: a chart that a cleared colleague saved and shared
    exportSavedChart: () => [], // filled in below, as for savedChart
  };
  const mutations: Record<string, Reads> = {
    ingest: (h) => [
      {
        args: { batch: 'IngestBatchInput!' },
        variables: { batch: { source: h.sources.labour, people: [{ externalId: 'x', fullName: h.spellings[2] }] } },
      },
    ],
    detectRings: () => [{ args: {}, variables: {} }],
    setRingStatus: () => [], // filled in below, as for ring
    // Refused to investigators; filled in below all the same, so a change of roles is read too.
    triageRing: () => [],
    assignRing: () => [],
    addRingNote: () => [], // filled in below: a note on a ring, answered masked
    mergeEntities: (h) => [
      {
        args: { keep: 'ID!', merge: 'ID!', reason: 'String!' },
        variables: { keep: h.ids.police, merge: h.ids.labour, reason: 'the same woman' },
      },
    ],
    unmergeEntity: (h) => [{ args: { id: 'ID!' }, variables: { id: h.ids.police } }],
    // The investigator watches another of her records and ends the watch set below; triages the alert about her.
    watch: (h) => [{ args: { input: 'WatchInput!' }, variables: { input: { entityId: h.ids.border } } }],
    unwatch: () => [], // filled in below: the watch that raised the alert
    updateAlert: () => [], // filled in below, as for alert
    // Only admins manage webhooks: the investigator is refused, and the refusal shows nothing.
    registerWebhook: () => [
      {
        args: { input: 'WebhookInput!' },
        variables: { input: { agency: 'uncleared-policy', url: 'https://agency.example/hooks' } },
      },
    ],
    removeWebhook: () => [{ args: { agency: 'String!' }, variables: { agency: 'uncleared-policy' } }],
    // The investigator saves a chart of her records with her name in the note: it comes back masked.
    saveChart: (h) => [
      {
        args: { input: 'SavedChartInput!' },
        variables: {
          input: {
            name: 'her records',
            note: `${h.spellings[0]} at three agencies`,
            seeds: [h.ids.police],
            entities: herPeople(h).map((id, i) => ({ id, x: i, y: i })),
          },
        },
      },
    ],
    // Sharing and deleting change no one's data; import is read whole in test/integration/workspace/.
    shareChart: () => [],
    deleteSavedChart: () => [],
    importSavedChart: () => [],
  };

  /**
   * How many object levels each read selects: as deep as the cost limit lets a whole selection go
   * (an entity's every field and every field of its neighbours; connections take two levels).
   */
  const DEPTH: Record<string, number> = { node: 2, entity: 2, ringCandidates: 5, duplicateCandidates: 5, alerts: 4 };

  it('has a line for every root field of the schema', () => {
    expect(Object.keys(queries).sort()).toEqual(rootFields('Query'));
    expect(Object.keys(mutations).sort()).toEqual(rootFields('Mutation'));
  });

  it('shows none of her identifiers, nor her phone number, in any response', async () => {
    // Rings are detected first (by an analyst), so ring reads have something to show.
    const detected = await graphql(
      service.url,
      `
        mutation {
          detectRings(options: { minSize: 2 }) {
            id
            ringCount
          }
        }
      `,
    );
    expect(detected.errors).toBeUndefined();
    const rings = await graphql<{ ringCandidates: { edges: { node: { id: string } }[] } }>(
      service.url,
      `
        {
          ringCandidates(first: 100, includeDismissed: true) {
            edges {
              node {
                id
              }
            }
          }
        }
      `,
    );
    const ringIds = rings.data!.ringCandidates.edges.map((e) => e.node.id);
    queries['ring'] = () => ringIds.map((id) => ({ args: { id: 'ID!' }, variables: { id } }));
    mutations['setRingStatus'] = () =>
      ringIds
        .slice(0, 1)
        .map((id) => ({ args: { id: 'ID!', status: 'RingStatus!' }, variables: { id, status: 'OPEN' } }));
    mutations['triageRing'] = () =>
      ringIds
        .slice(0, 1)
        .map((id) => ({ args: { id: 'ID!', status: 'RingStatus!' }, variables: { id, status: 'OPEN' } }));
    mutations['assignRing'] = () =>
      ringIds.slice(0, 1).map((id) => ({ args: { id: 'ID!', assignee: 'String' }, variables: { id, assignee: 'x' } }));
    mutations['addRingNote'] = () =>
      ringIds
        .slice(0, 1)
        .map((id) => ({ args: { id: 'ID!', text: 'String!' }, variables: { id, text: 'seen at the border' } }));

    // An alert about her: the investigator watches her police record, and a new record of the
    // border guard links someone to it (WATCHED_ENTITY_ACTIVITY, her name in its summary).
    const watched = await read('mutation ($id: ID!) { watch(input: { entityId: $id }) { id } }', {
      id: her.ids.police,
    });
    expect(watched.errors).toBeUndefined();
    const watchId = (watched.data!['watch'] as { id: string }).id;
    // Not named after her: the neighbour is not protected, and his record is shown as it is.
    const neighbour = `neighbour-${Math.random().toString(36).slice(2, 10)}`;
    const linked = await graphql(service.url, INGEST, {
      batch: {
        source: her.sources.border,
        people: [{ externalId: neighbour, fullName: 'Phan Văn Tú' }],
        links: [
          {
            type: 'KNOWS',
            from: { kind: 'PERSON', externalId: neighbour },
            to: { kind: 'PERSON', externalId: her.externalIds.police, source: her.sources.police },
          },
        ],
      },
    });
    expect(linked.errors).toBeUndefined();
    const alertId = await alertAbout(her.ids.police);
    queries['alert'] = () => [{ args: { id: 'ID!' }, variables: { id: alertId } }];
    mutations['updateAlert'] = () => [
      {
        args: { id: 'ID!', status: 'AlertStatus!', assignee: 'String' },
        variables: { id: alertId, status: 'ACKNOWLEDGED', assignee: 'uncleared-investigator' },
      },
    ];
    mutations['unwatch'] = () => [{ args: { id: 'ID!' }, variables: { id: watchId } }];
    // The same alert shows her to a viewer with clearance: the masked reads below are not empty ones.
    const shown = await graphql<{ alert: { summary: string } }>(
      service.url,
      'query ($id: ID!) { alert(id: $id) { summary entities { label } } }',
      { id: alertId },
    );
    expect(JSON.stringify(shown.data)).toContain(her.spellings[0]);

    // A colleague with clearance saves a chart of her records, her name in its name and note, and shares it.
    const saved = await graphql<{ saveChart: { id: string } }>(
      service.url,
      'mutation ($input: SavedChartInput!) { saveChart(input: $input) { id } }',
      {
        input: {
          name: `${her.spellings[1]}: three agencies`,
          note: `${her.spellings[0]} and ${her.spellings[1]} are one girl`,
          seeds: [her.ids.police],
          entities: herPeople(her).map((id, i) => ({ id, x: i, y: -i })),
        },
      },
    );
    const chartId = saved.data!.saveChart.id;
    await graphql(
      service.url,
      'mutation ($id: ID!) { shareChart(id: $id, sharing: {users: ["uncleared-investigator"]}) { id } }',
      {
        id: chartId,
      },
    );
    queries['savedChart'] = () => [{ args: { id: 'ID!' }, variables: { id: chartId } }];
    queries['exportSavedChart'] = () => [{ args: { id: 'ID!' }, variables: { id: chartId } }];

    const after = await beforeHerPairs();
    queries['duplicateCandidates'] = () => [
      { args: { minScore: 'Float', first: 'Int', after: 'String' }, variables: { minScore: 0.5, first: 20, after } },
    ];

    const checked: string[] = [];
    const run = async (kind: 'Query' | 'Mutation', reads: Record<string, Reads>) => {
      for (const [field, lines] of Object.entries(reads)) {
        for (const line of lines(her)) {
          const query = operationFor(kind, field, line.args, DEPTH[field] ?? 3);
          const response: GraphQLResponse<unknown> = await read(query, line.variables);
          const limit = response.errors?.find((e) => /cost|depth/i.test(e.message));
          expect(limit, `${field}: ${limit?.message}`).toBeUndefined();
          expect(leaked(response), `${field} ${JSON.stringify(line.variables)}`).toEqual([]);
          checked.push(`${field}:${response.data ? 'data' : (response.errors?.[0]?.extensions?.code ?? 'error')}`);
        }
      }
    };
    await run('Query', queries);
    await run('Mutation', mutations);
    // Her entities were read, not refused: the investigator may call these, and they answered.
    for (const field of [
      'node',
      'alert',
      'alerts',
      'watch',
      'unwatch',
      'updateAlert',
      'linkChart',
      'paths',
      'search',
      'exportLinkChart',
      'duplicateCandidates',
      'mergeEntities',
      'unmergeEntity',
      'timeline',
      'savedChart',
      'exportSavedChart',
      'saveChart',
    ]) {
      expect(checked, field).toContain(`${field}:data`);
    }
    // What the investigator may not call is refused, and so shows nothing either.
    expect(checked).toContain('ingest:FORBIDDEN');
    expect(checked).toContain('auditTrail:FORBIDDEN');
    expect(checked).toContain('registerWebhook:FORBIDDEN');
    expect(checked).toContain('removeWebhook:FORBIDDEN');
    expect(checked).toContain('webhooks:FORBIDDEN');
    // The trail itself, as a supervisor without clearance reads it after all of the above.
    const trail = await read(
      operationFor('Query', 'auditTrail', { first: 'Int' }, 3),
      { first: 200 },
      await asRole(['supervisor'], { sub: 'uncleared-supervisor' }),
    );
    expect(trail.errors).toBeUndefined();
    expect(leaked(trail)).toEqual([]);
  }, 600_000);

  it('shows her to a viewer with both clearances (the same reads are not empty)', async () => {
    const response = await graphql(service.url, operationFor('Query', 'node', { id: 'ID!' }, 2), {
      id: her.ids.border,
    });
    expect(JSON.stringify(response)).toContain(her.spellings[1]);
    expect(JSON.stringify(response)).toContain(her.document);
  });
});
