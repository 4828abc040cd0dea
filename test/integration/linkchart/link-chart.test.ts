import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import { uniqueSource } from '../../support/database.ts';
import { INGEST, graphql as post, startTestService } from '../../support/service.ts';
import { TEST_JWT_SECRET, ingestHeaders, graphqlAsInvestigator as graphql } from './tokens.ts';
import { CHART, ingestSmallNetwork, namesOf, type ChartResult, type SmallNetwork } from './small-network.ts';

let service: RunningService;

let net: SmallNetwork;

beforeAll(async () => {
  service = await startTestService({ AUTH_JWT_SECRET: TEST_JWT_SECRET });
  net = await ingestSmallNetwork(service.url);
});
afterAll(async () => {
  await service?.close();
});

async function chart(variables: Record<string, unknown>) {
  const result = await graphql<ChartResult>(service.url, CHART, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.linkChart;
}

const id = (name: string) => net.ids[name]!;

describe('linkChart', () => {
  it('expands depth 1 to exactly the direct neighbours, with the links among them', async () => {
    const c = await chart({ seeds: [id('p1')], depth: 1 });
    expect(
      namesOf(
        net,
        c.nodes.map((n) => n.id),
      ),
    ).toEqual(['c1', 'p1', 'p2', 'p8', 'ph1', 'x1']);
    expect(c.edges.map((e) => e.id).sort()).toEqual(
      [
        `${id('p1')}-USES_PHONE-${id('ph1')}`,
        `${id('p1')}-KNOWS-${id('p2')}`,
        `${id('p1')}-KNOWS-${id('p8')}`,
        `${id('p1')}-MADE-${id('x1')}`,
        `${id('p1')}-INVOLVED_IN-${id('c1')}`,
      ].sort(),
    );
    expect(c.truncated).toBe(false);
    const p1 = c.nodes.find((n) => n.id === id('p1'))!;
    expect(p1).toMatchObject({ kind: 'PERSON', label: 'Nguyễn Văn Hùng', ringId: null, collapsedCount: null });
    expect(c.nodes.find((n) => n.id === id('x1'))!.kind).toBe('BORDER_CROSSING');
  });

  it('expands depth 2 level by level, crossings reaching their checkpoint', async () => {
    const c = await chart({ seeds: [id('p1')], depth: 2 });
    expect(
      namesOf(
        net,
        c.nodes.map((n) => n.id),
      ),
    ).toEqual(['c1', 'cp', 'p1', 'p2', 'p3', 'p4', 'p8', 'ph1', 'ph2', 'x1']);
    expect(c.edges).toHaveLength(11);
    const call = c.edges.find((e) => e.type === 'CALLED')!;
    expect(call).toEqual({
      id: `${id('ph1')}-CALLED-${id('ph2')}`,
      source: id('ph1'),
      target: id('ph2'),
      type: 'CALLED',
      weight: 5,
    });
    expect(c.edges.filter((e) => e.type !== 'CALLED').every((e) => e.weight === 1)).toBe(true);
    expect(c.truncated).toBe(false);
  });

  it('gives every node deterministic coordinates', async () => {
    const a = await chart({ seeds: [id('p1')], depth: 2 });
    const b = await chart({ seeds: [id('p1')], depth: 2 });
    expect(a.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
    expect(new Set(a.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(a.nodes.length);
    expect(b).toEqual(a);
  });

  it('expands from several seeds at once', async () => {
    const c = await chart({ seeds: [id('p2'), id('p4')], depth: 1 });
    expect(
      namesOf(
        net,
        c.nodes.map((n) => n.id),
      ),
    ).toEqual(['p1', 'p2', 'p3', 'p4', 'p8', 'ph2']);
  });

  it('follows only the link types asked for, and then no crossings', async () => {
    const c = await chart({ seeds: [id('p1')], depth: 2, linkTypes: ['KNOWS', 'RELATIVE_OF'] });
    expect(
      namesOf(
        net,
        c.nodes.map((n) => n.id),
      ),
    ).toEqual(['p1', 'p2', 'p3', 'p4', 'p8']);
    expect(new Set(c.edges.map((e) => e.type))).toEqual(new Set(['KNOWS', 'RELATIVE_OF']));
  });

  it('filters by time: crossings by their time, calls by their last call, other links by when they were reported', async () => {
    // Every link but the call and the crossing was reported now (2024 is long gone).
    const in2024 = await chart({
      seeds: [id('p1')],
      depth: 2,
      from: '2024-01-01T00:00:00+07:00',
      to: '2024-12-31T23:59:59+07:00',
    });
    expect(
      namesOf(
        net,
        in2024.nodes.map((n) => n.id),
      ),
    ).toEqual(['cp', 'p1', 'x1']);

    const call = await chart({
      seeds: [id('ph1')],
      depth: 1,
      from: '2024-02-01T00:00:00Z',
      to: '2024-04-01T00:00:00Z',
    });
    expect(
      namesOf(
        net,
        call.nodes.map((n) => n.id),
      ),
    ).toEqual(['ph1', 'ph2']);

    const afterCrossing = await chart({ seeds: [id('p1')], depth: 2, from: '2024-07-31T00:00:00+07:00' });
    expect(
      namesOf(
        net,
        afterCrossing.nodes.map((n) => n.id),
      ),
    ).toEqual(['c1', 'p1', 'p2', 'p3', 'p4', 'p8', 'ph1']);
  });

  it('draws the same chart whether its last level reads the contents or a query of their own does', async () => {
    // A window holding every link takes the other route: hubs settled after the level, contents read apart.
    const always = { from: '1900-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
    for (const seed of ['p1', 'p3', 'ph1', 'b1', 'x1']) {
      for (const [depth, maxNodes] of [
        [1, 300],
        [2, 300],
        [3, 300],
        [2, 6],
      ] as const) {
        const request = { seeds: [id(seed)], depth, maxNodes };
        const [plain, windowed] = await Promise.all([chart(request), chart({ ...request, ...always })]);
        expect(windowed).toEqual(plain);
      }
    }
  });

  it('never exceeds maxNodes and says when it left something out', async () => {
    for (const maxNodes of [1, 2, 3, 5, 8, 9]) {
      const c = await chart({ seeds: [id('p1')], depth: 3, maxNodes });
      expect(c.nodes.length).toBeLessThanOrEqual(maxNodes);
      expect(c.nodes.length).toBe(maxNodes);
      expect(c.truncated).toBe(true);
      const ids = new Set(c.nodes.map((n) => n.id));
      expect(c.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    }
    const hub = await chart({ seeds: [id('b1'), id('p3')], depth: 2, maxNodes: 2 });
    expect(hub.nodes).toHaveLength(2);
    expect(hub.truncated).toBe(true);
  });

  it('collapses a hub’s neighbours into one node with their count', async () => {
    const c = await chart({ seeds: [id('b1')], depth: 1 });
    expect(c.nodes).toHaveLength(3);
    const collapsed = c.nodes.find((n) => n.collapsedCount !== null)!;
    expect(collapsed).toMatchObject({
      id: `collapsed:${id('b1')}:RECRUITED_BY`,
      kind: 'PERSON',
      label: '120 more recruits',
      collapsedCount: 120,
    });
    expect(c.edges.map((e) => e.target).sort()).toEqual([collapsed.id, id('b1')].sort());
    expect(c.truncated).toBe(true);

    // Reached from a recruit, the recruit is shown and the other 119 are collapsed.
    const fromRecruit = await chart({ seeds: [id('p3')], depth: 2 });
    const group = fromRecruit.nodes.find((n) => n.id === `collapsed:${id('b1')}:RECRUITED_BY`)!;
    expect(group.collapsedCount).toBe(119);
    expect(group.label).toBe('119 more recruits');
    expect(fromRecruit.nodes.some((n) => n.id === id('p6'))).toBe(true);
    expect(fromRecruit.nodes.some((n) => n.id === id('r1'))).toBe(false);
  });

  it('walks a hub’s links inside a time window when few of them fall in it', async () => {
    const source = uniqueSource('windowed-hub');
    const recruit = (externalId: string) => ({
      type: 'RECRUITED_BY',
      from: { kind: 'PERSON', externalId },
      to: { kind: 'BROKER', externalId: 'b2' },
    });
    const send = async (names: string[], brokers: unknown[] = []) => {
      const batch = { source, brokers, people: names.map((externalId) => ({ externalId, fullName: externalId })) };
      const sent = await post<{ ingest: { rejected: number } }>(
        service.url,
        INGEST,
        { batch: { ...batch, links: names.map(recruit) } },
        await ingestHeaders(source),
      );
      expect(sent.data?.ingest.rejected).toBe(0);
    };
    const early = Array.from({ length: 60 }, (_, i) => `early${i}`);
    await send(early, [{ externalId: 'b2', name: 'Công ty Xuất khẩu Lao động Bình Minh', kind: 'LICENSED_AGENCY' }]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await send(['late1', 'late2']);
    const found = await graphql<{ entity: { id: string } }>(
      service.url,
      'query($ref: EntityRefInput!) { entity(ref: $ref) { id } }',
      { ref: { kind: 'BROKER', externalId: 'b2', source } },
    );
    const broker = found.data!.entity.id;

    const allTime = await chart({ seeds: [broker], depth: 1 });
    expect(allTime.nodes.find((n) => n.collapsedCount !== null)?.collapsedCount).toBe(62);

    // 62 recruits over all time make a hub; 2 of them since `between` do not.
    const recent = await chart({ seeds: [broker], depth: 1, from: between });
    expect(recent.nodes.every((n) => n.collapsedCount === null)).toBe(true);
    expect(recent.nodes.map((n) => n.label).sort()).toEqual(['Công ty Xuất khẩu Lao động Bình Minh', 'late1', 'late2']);
    expect(recent.truncated).toBe(false);
  });

  it('refuses arguments out of range and unknown seeds with stable codes', async () => {
    const bad = [
      { seeds: [id('p1')], depth: 0 },
      { seeds: [id('p1')], depth: 5 },
      { seeds: [id('p1')], maxNodes: 0 },
      { seeds: [id('p1')], maxNodes: 2001 },
      { seeds: [] },
      { seeds: [id('p1')], from: '2025-01-02T00:00:00Z', to: '2025-01-01T00:00:00Z' },
    ];
    for (const variables of bad) {
      const result = await graphql(service.url, CHART, variables);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
    const unknown = await graphql(service.url, CHART, { seeds: [id('p1'), 'per_nobody'] });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toContain('per_nobody');
  });

  it('answers a depth-2 chart quickly', async () => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      await chart({ seeds: [id(['p1', 'p3', 'p8', 'ph1', 'p2'][i % 5]!)], depth: 2, maxNodes: 300 });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length * 0.5)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    console.log(`depth-2 linkChart over HTTP on the test network: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    expect(p95).toBeLessThan(1_000);
  });
});
