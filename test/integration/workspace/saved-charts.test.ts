import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import type { Clearance, Role } from '../../../src/auth/roles.ts';
import { TEST_PURPOSE, asRole, graphql, testToken } from '../../support/service.ts';
import { startTestService } from '../../support/service.ts';
import { ingestWorkspaceNetwork, type WorkspaceNetwork } from './workspace-network.ts';

const CHART_FIELDS = /* GraphQL */ `
  id name note owner ownerAgency createdAt updatedAt seeds
  filters { depth linkTypes from to }
  sharing { users agencies }
  chart { nodes { id kind label x y } edges { id source target type } truncated }
`;
const SAVE = `mutation Save($input: SavedChartInput!) { saveChart(input: $input) { ${CHART_FIELDS} } }`;
const OPEN = `query Open($id: ID!) { savedChart(id: $id) { ${CHART_FIELDS} } }`;
const LIST = `query List { savedCharts(first: 200) { id name } }`;
const SHARE = `mutation Share($id: ID!, $sharing: ChartSharingInput!) { shareChart(id: $id, sharing: $sharing) { id sharing { users agencies } } }`;
const EXPORT = `query Export($id: ID!) { exportSavedChart(id: $id) { filename mimeType content } }`;
const IMPORT = `mutation Import($content: String!) { importSavedChart(content: $content) { ${CHART_FIELDS} } }`;
const DELETE = `mutation Delete($id: ID!) { deleteSavedChart(id: $id) }`;

interface Saved {
  id: string;
  name: string;
  note: string | null;
  owner: string;
  seeds: string[];
  filters: { depth: number; linkTypes: string[] | null; from: string | null; to: string | null };
  sharing: { users: string[]; agencies: string[] };
  chart: { nodes: { id: string; kind: string; label: string; x: number; y: number }[]; edges: { type: string }[] };
}

async function as(sub: string, agency: string, roles: Role[], clearance: Clearance[]) {
  const token = await testToken({ sub, agency, roles, clearance });
  return { authorization: `Bearer ${token}`, 'x-purpose': TEST_PURPOSE };
}

let service: RunningService;
let net: WorkspaceNetwork;
let owner: Record<string, string>;
let colleague: Record<string, string>;
let borderGuard: Record<string, string>;
let stranger: Record<string, string>;

beforeAll(async () => {
  service = await startTestService();
  net = await ingestWorkspaceNetwork(service.url);
  owner = await as('chart-owner', 'police', ['investigator'], ['minors', 'victims']);
  colleague = await as('chart-colleague', 'police', ['investigator'], []);
  borderGuard = await as('chart-border-guard', 'border-guard', ['investigator'], []);
  stranger = await as('chart-stranger', 'labour', ['analyst'], ['minors', 'victims']);
}, 300_000);

afterAll(async () => {
  await service?.close();
});

function input() {
  return {
    name: `${net.girlName}: the recruiter`,
    note: `${net.girlName} (born ${net.girlBorn}, document C0123456) left at Mong Cai on 1 July; check her calls with the recruiter.`,
    seeds: [net.ids.girl],
    entities: [
      { id: net.ids.girl, x: 10, y: 20 },
      { id: net.ids.recruiter, x: -35.5, y: 4.25 },
      { id: net.ids.girlPhone, x: 0, y: -12 },
      { id: net.ids.case, x: 50, y: 50 },
    ],
    filters: { depth: 1, linkTypes: ['RECRUITED_BY', 'USES_PHONE', 'INVOLVED_IN'], from: null, to: null },
  };
}

async function save(headers = owner): Promise<Saved> {
  const saved = await graphql<{ saveChart: Saved }>(service.url, SAVE, { input: input() }, headers);
  expect(saved.errors).toBeUndefined();
  return saved.data!.saveChart;
}

async function listed(headers: Record<string, string>): Promise<string[]> {
  const response = await graphql<{ savedCharts: { id: string }[] }>(service.url, LIST, {}, headers);
  expect(response.errors).toBeUndefined();
  return response.data!.savedCharts.map((c) => c.id);
}

describe('saved charts', () => {
  it('saves the chart as it is and opens it again: entities at their positions, filters, note', async () => {
    const chart = await save();
    expect(chart.id).toMatch(/^sch_/);
    expect(chart.owner).toBe('chart-owner');
    expect(chart.filters).toEqual(input().filters);
    const opened = await graphql<{ savedChart: Saved }>(service.url, OPEN, { id: chart.id }, owner);
    const shown = opened.data!.savedChart;
    expect(shown.note).toBe(input().note);
    const girl = shown.chart.nodes.find((n) => n.id === net.ids.girl)!;
    expect(girl).toMatchObject({ label: net.girlName, x: 10, y: 20 });
    expect(shown.chart.nodes.find((n) => n.id === net.ids.recruiter)).toMatchObject({ x: -35.5, y: 4.25 });
    // Links among the saved entities, of the saved types only.
    expect(shown.chart.edges.map((e) => e.type).sort()).toEqual([
      'INVOLVED_IN',
      'INVOLVED_IN',
      'RECRUITED_BY',
      'USES_PHONE',
    ]);
    expect(await listed(owner)).toContain(chart.id);
  });

  it("is nobody else's until it is shared, and then shows them what their clearance allows", async () => {
    const chart = await save();
    expect(
      (await graphql<{ savedChart: null }>(service.url, OPEN, { id: chart.id }, colleague)).data!.savedChart,
    ).toBeNull();
    expect(await listed(colleague)).not.toContain(chart.id);

    const shared = await graphql<{ shareChart: Saved }>(
      service.url,
      SHARE,
      { id: chart.id, sharing: { users: ['chart-colleague'] } },
      owner,
    );
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.shareChart.sharing).toEqual({ users: ['chart-colleague'], agencies: [] });

    // The colleague has no clearance for minors: the girl is masked in the chart and the note.
    const opened = await graphql<{ savedChart: Saved }>(service.url, OPEN, { id: chart.id }, colleague);
    expect(opened.errors).toBeUndefined();
    const shown = opened.data!.savedChart;
    const text = JSON.stringify(opened);
    for (const secret of [net.girlName, 'Ngọc Ánh', net.girlBorn, 'C0123456', net.girlPhone]) {
      expect(text, secret).not.toContain(secret);
    }
    const girl = shown.chart.nodes.find((n) => n.id === net.ids.girl)!;
    expect(girl.label).toMatch(/^Protected person [0-9A-F]{6}$/);
    expect(girl).toMatchObject({ x: 10, y: 20 });
    expect(shown.note).toContain(girl.label);
    expect(shown.name).toBe(`${girl.label}: the recruiter`);
    expect(shown.chart.nodes.find((n) => n.id === net.ids.recruiter)!.label).toBe(net.recruiterName);
    expect(await listed(colleague)).toContain(chart.id);
    // The border guard's agency is not shared with yet.
    expect(await listed(borderGuard)).not.toContain(chart.id);
  });

  it('shares with a whole agency, and only the owner may share or delete', async () => {
    const chart = await save();
    await graphql(service.url, SHARE, { id: chart.id, sharing: { agencies: ['border-guard'] } }, owner);
    const opened = await graphql<{ savedChart: Saved }>(service.url, OPEN, { id: chart.id }, borderGuard);
    expect(opened.data!.savedChart.id).toBe(chart.id);
    expect(JSON.stringify(opened)).not.toContain(net.girlName);

    const reshare = await graphql(service.url, SHARE, { id: chart.id, sharing: { users: ['x'] } }, borderGuard);
    expect(reshare.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const remove = await graphql(service.url, DELETE, { id: chart.id }, borderGuard);
    expect(remove.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Someone it is not shared with learns nothing, not even that it exists.
    const unseen = await graphql(service.url, SHARE, { id: chart.id, sharing: { users: ['x'] } }, stranger);
    expect(unseen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Unshared again: the agency no longer sees it.
    await graphql(service.url, SHARE, { id: chart.id, sharing: { agencies: [] } }, owner);
    expect(await listed(borderGuard)).not.toContain(chart.id);
    const deleted = await graphql<{ deleteSavedChart: boolean }>(service.url, DELETE, { id: chart.id }, owner);
    expect(deleted.data!.deleteSavedChart).toBe(true);
    expect(await listed(owner)).not.toContain(chart.id);
  });

  it('audits every read with the chart and who opened it', async () => {
    const chart = await save();
    await graphql(service.url, SHARE, { id: chart.id, sharing: { users: ['chart-colleague'] } }, owner);
    await graphql(service.url, OPEN, { id: chart.id }, colleague);
    await graphql(service.url, EXPORT, { id: chart.id }, colleague);
    const trail = await graphql<{
      auditTrail: { edges: { node: { actor: string; rootFields: string[]; entityIds: string[]; purpose: string } }[] };
    }>(
      service.url,
      'query($id: ID) { auditTrail(entityId: $id, first: 50) { edges { node { actor rootFields entityIds purpose outcome } } } }',
      { id: chart.id },
      await asRole(['supervisor']),
    );
    expect(trail.errors).toBeUndefined();
    const events = trail.data!.auditTrail.edges.map((e) => e.node);
    const reads = events.filter((e) => e.actor === 'chart-colleague').map((e) => e.rootFields.join());
    expect(reads.sort()).toEqual(['exportSavedChart', 'savedChart']);
    const open = events.find((e) => e.actor === 'chart-colleague' && e.rootFields.includes('savedChart'))!;
    // The record names the entities shown, too.
    expect(open.entityIds).toEqual(expect.arrayContaining([chart.id, net.ids.girl, net.ids.recruiter]));
    expect(open.purpose).toBe(TEST_PURPOSE);
    expect(events.map((e) => e.rootFields.join())).toEqual(expect.arrayContaining(['saveChart', 'shareChart']));
  });

  it('exports as JSON without names and imports it again as a chart of the importer', async () => {
    const chart = await save();
    await graphql(service.url, SHARE, { id: chart.id, sharing: { users: ['chart-colleague'] } }, owner);
    const exported = await graphql<{ exportSavedChart: { filename: string; mimeType: string; content: string } }>(
      service.url,
      EXPORT,
      { id: chart.id },
      colleague,
    );
    expect(exported.errors).toBeUndefined();
    const file = exported.data!.exportSavedChart;
    expect(file.mimeType).toBe('application/json');
    expect(file.filename).toBe(`saved-chart-${chart.id}.json`);
    // Ids and positions only; the note as the colleague reads it.
    expect(file.content).not.toContain(net.girlName);
    expect(file.content).not.toContain('chart-owner');
    const parsed = JSON.parse(file.content) as { format: string; version: number; chart: { note: string } };
    expect(parsed.format).toBe('ringwatch-saved-chart');
    expect(parsed.chart.note).toMatch(/Protected person/);

    const imported = await graphql<{ importSavedChart: Saved }>(
      service.url,
      IMPORT,
      { content: file.content },
      colleague,
    );
    expect(imported.errors).toBeUndefined();
    const copy = imported.data!.importSavedChart;
    expect(copy.id).not.toBe(chart.id);
    expect(copy.owner).toBe('chart-colleague');
    expect(copy.seeds).toEqual(chart.seeds);
    expect(copy.filters).toEqual(chart.filters);
    const positions = (c: Saved) =>
      c.chart.nodes.map(({ id, x, y }) => ({ id, x, y })).sort((a, b) => a.id.localeCompare(b.id));
    expect(positions(copy)).toEqual(positions(chart));
    // The owner with clearance, importing her own export, gets her note back word for word.
    const own = await graphql<{ exportSavedChart: { content: string } }>(service.url, EXPORT, { id: chart.id }, owner);
    const again = await graphql<{ importSavedChart: Saved }>(
      service.url,
      IMPORT,
      { content: own.data!.exportSavedChart.content },
      owner,
    );
    expect(again.data!.importSavedChart.note).toBe(input().note);
  });

  it('rejects a bad file with a clear code and each problem, and writes nothing', async () => {
    const before = (await listed(stranger)).length;
    const valid = { format: 'ringwatch-saved-chart', version: 1, chart: input() };
    const cases: [string, string, RegExp][] = [
      ['not JSON', 'INVALID_CHART_FILE', /not JSON/],
      [JSON.stringify({ ...valid, format: 'gexf' }), 'INVALID_CHART_FILE', /format/],
      [JSON.stringify({ ...valid, version: 2 }), 'INVALID_CHART_FILE', /version/],
      [
        JSON.stringify({ ...valid, chart: { ...valid.chart, entities: [{ id: net.ids.girl, x: 'left', y: 0 }] } }),
        'INVALID_CHART_FILE',
        /entities/,
      ],
      [
        JSON.stringify({ ...valid, chart: { ...valid.chart, seeds: ['per_somebody_else'] } }),
        'INVALID_CHART_FILE',
        /seeds/,
      ],
      [JSON.stringify({ ...valid, chart: { ...valid.chart, name: 'a\u202Eb' } }), 'INVALID_CHART_FILE', /name/],
      [
        JSON.stringify({
          ...valid,
          chart: {
            ...valid.chart,
            filters: { ...valid.chart.filters, from: '2024-05-01T00:00:00Z', to: '2024-01-01T00:00:00Z' },
          },
        }),
        'INVALID_CHART_FILE',
        /from must not be later than to/,
      ],
      // Well formed, but naming an entity the service does not know.
      [
        JSON.stringify({
          ...valid,
          chart: { ...valid.chart, entities: [...valid.chart.entities, { id: 'per_nobody', x: 1, y: 1 }] },
        }),
        'NOT_FOUND',
        /per_nobody/,
      ],
    ];
    for (const [content, code, message] of cases) {
      const response = await graphql<{ importSavedChart: null }>(service.url, IMPORT, { content }, stranger);
      expect(response.errors?.[0]?.extensions?.code, content).toBe(code);
      expect(response.errors?.[0]?.message, content).toMatch(message);
      expect(response.data?.importSavedChart ?? null).toBeNull();
    }
    const problems = await graphql(
      service.url,
      IMPORT,
      { content: JSON.stringify({ ...valid, version: 2, chart: { ...valid.chart, entities: [] } }) },
      stranger,
    );
    expect((problems.errors?.[0]?.extensions as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['version', 'chart.entities']),
    );
    expect((await listed(stranger)).length).toBe(before);
  });

  it('refuses to save a chart of entities the service does not know, or out of bounds', async () => {
    const unknown = await graphql(
      service.url,
      SAVE,
      { input: { ...input(), entities: [...input().entities, { id: 'per_nobody', x: 0, y: 0 }] } },
      owner,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const blank = await graphql(service.url, SAVE, { input: { ...input(), name: ' \u200B ' } }, owner);
    expect(blank.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ingest = await graphql(service.url, SAVE, { input: input() }, await asRole(['ingest']));
    expect(ingest.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
