import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../seed/load/load-scenario.ts';
import type { RunningService } from '../../src/app/start-service.ts';
import type { IngestBatchInput } from '../../src/ingest/batch-types.ts';
import type { Clearance } from '../../src/auth/roles.ts';
import { TEST_PURPOSE, graphql, startTestService, testToken } from '../support/service.ts';

// Debian's chromium; a browser is never downloaded by playwright.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const POLL = { timeout: 30_000, interval: 150 };
const SCREENSHOTS = 'docs/workspace';

interface Event {
  id: string;
  kind: string;
  at: string;
  entityIds: string[];
  checkpointId: string | null;
  returned: boolean | null;
}

let service: RunningService;
let userDataDir: string;
let context: BrowserContext;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

/** The ring the tests look at: the best candidate whose people crossed the border on more than one day. */
let ring: { id: string; memberIds: string[]; events: Event[]; protectedId: string; protectedName: string };

async function headers(sub: string, clearance: Clearance[], agency = 'police') {
  const token = await testToken({ sub, roles: ['investigator'], agency, clearance });
  return { authorization: `Bearer ${token}`, 'x-purpose': TEST_PURPOSE };
}

async function signIn(sub: string, clearance: Clearance[], agency = 'police'): Promise<void> {
  const token = await testToken({ sub, roles: ['investigator'], agency, clearance });
  await page.getByLabel('Access token').fill(token);
  await page.getByLabel('Purpose / case number').fill('HS-2024-0153');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.locator('#signin-state').textContent(), POLL).toContain('HS-2024-0153');
}

const nodeCount = async () => Number(await page.locator('#chart-status').getAttribute('data-node-count'));

beforeAll(async () => {
  service = await startTestService();
  // A seeded city (the demo scenario) with its rings detected.
  await loadScenario({ preset: 'demo', seed: 42 }, (batch) =>
    service.services.ingest.ingest(batch as IngestBatchInput),
  );
  const detected = await graphql(service.url, 'mutation { detectRings(options: { seed: 7 }) { id } }');
  expect(detected.errors).toBeUndefined();

  const candidates = await graphql<{
    ringCandidates: { edges: { node: { id: string; members: { entity: { id: string; kind: string } }[] } }[] };
  }>(service.url, '{ ringCandidates(first: 20) { edges { node { id members { entity { id kind } } } } } }');
  const uncleared = await headers('e2e-probe', []);
  for (const { node } of candidates.data!.ringCandidates.edges) {
    const memberIds = node.members.map((m) => m.entity.id);
    // A chart grows from at most 100 seeds.
    if (memberIds.length > 100) continue;
    const timeline = await graphql<{ timeline: { events: Event[] } }>(
      service.url,
      'query($ids: [ID!]!) { timeline(ids: $ids) { events { id kind at entityIds checkpointId returned } } }',
      { ids: memberIds },
    );
    const events = timeline.data!.timeline.events;
    const days = new Set(events.filter((e) => e.kind === 'CROSSING_EXIT').map((e) => e.at.slice(0, 10)));
    if (days.size < 2) continue;
    // A member masked for a viewer without clearance: a minor or a victim of the ring.
    const people = node.members.filter((m) => m.entity.kind === 'PERSON').map((m) => m.entity.id);
    for (const id of people) {
      const masked = await graphql<{ node: { label: string } }>(
        service.url,
        'query($id: ID!) { node(id: $id) { label } }',
        { id },
        uncleared,
      );
      if (!masked.data!.node.label.startsWith('Protected person')) continue;
      const clear = await graphql<{ node: { label: string } }>(
        service.url,
        'query($id: ID!) { node(id: $id) { label } }',
        { id },
      );
      ring = { id: node.id, memberIds, events, protectedId: id, protectedName: clear.data!.node.label };
      break;
    }
    if (ring) break;
  }
  expect(ring, 'a ring with crossings on two days and a protected member').toBeDefined();

  userDataDir = mkdtempSync(join(tmpdir(), 'ringwatch-workspace-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
  });
  browser = context.browser() ?? undefined;
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.goto(`${service.url}/`);
}, 900_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await service?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function openRing(): Promise<void> {
  await page.evaluate(({ ids, id }) => window.explorer.openGroup(ids, `Ring ${id}`), {
    ids: ring.memberIds.slice(0, 100),
    id: ring.id,
  });
  await expect
    .poll(async () => {
      const error = (await page.locator('#error').isVisible()) ? await page.locator('#error').textContent() : '';
      return error || (await page.locator('#chart-status').textContent());
    }, POLL)
    .toContain(`Ring ${ring.id}`);
  await expect
    .poll(async () => Number(await page.locator('#timeline-status').getAttribute('data-event-count')), POLL)
    .toBeGreaterThan(0);
}

describe('the workspace views', () => {
  it('has the Timeline, Map and Saved charts panels as named landmarks', async () => {
    await expect.poll(() => page.evaluate(() => typeof window.explorer), POLL).toBe('object');
    await signIn('e2e-owner', ['minors', 'victims']);
    for (const name of ['Timeline', 'Map', 'Saved charts']) {
      await expect.poll(() => page.getByRole('region', { name, exact: true }).count(), POLL).toBe(1);
    }
  });

  it('brushes the timeline and the chart shrinks to the period', async () => {
    await openRing();
    const before = await nodeCount();
    // The period: a month around the ring's first exit (a drag of a few pixels is no selection).
    const exits = ring.events.filter((e) => e.kind === 'CROSSING_EXIT');
    const day = exits[0]!.at.slice(0, 10);
    const from = Date.parse(`${day}T00:00:00Z`) - 15 * 86_400_000;
    const to = Date.parse(`${day}T23:59:59Z`) + 15 * 86_400_000;
    const histogram = page.locator('#timeline-histogram');
    const box = (await histogram.boundingBox())!;
    const start = Number(await histogram.getAttribute('data-start'));
    const end = Number(await histogram.getAttribute('data-end'));
    const width = Number(await histogram.getAttribute('width'));
    const px = (t: number) => box.x + 4 + ((t - start) / (end - start)) * (width - 8);
    const y = box.y + 30;
    await page.mouse.move(px(from), y);
    await page.mouse.down();
    await page.mouse.move(px(to), y, { steps: 5 });
    await page.mouse.up();

    await expect.poll(nodeCount, POLL).toBeLessThan(before);
    // The period the brush gave: the chart now holds the ring's crossings of that period and no other.
    const period = await page.evaluate(() => ({
      from: (document.getElementById('timeline-from') as HTMLInputElement).value,
      to: (document.getElementById('timeline-to') as HTMLInputElement).value,
    }));
    expect(period.from <= day && day <= period.to).toBe(true);
    const ids = new Set(await page.evaluate(() => window.explorer.nodeIds()));
    const listed = await page.locator('#timeline-events li').evaluateAll((items) =>
      items.map((item) => ({
        id: item.getAttribute('data-event-id')!,
        at: item.querySelector('time')!.getAttribute('datetime')!,
      })),
    );
    expect(listed.length).toBeGreaterThan(0);
    const [first, last] = [
      Math.min(...listed.map((e) => Date.parse(e.at))),
      Math.max(...listed.map((e) => Date.parse(e.at))),
    ];
    for (const event of ring.events.filter((e) => e.kind.startsWith('CROSSING'))) {
      const at = Date.parse(event.at);
      if (at >= first && at <= last) expect(ids.has(event.id), `crossing ${event.at} in the period`).toBe(true);
      if (at < first - 86_400_000 || at > last + 86_400_000)
        expect(ids.has(event.id), `crossing ${event.at} outside`).toBe(false);
    }
    for (const event of listed)
      expect(event.at.slice(0, 10) >= period.from && event.at.slice(0, 10) <= period.to).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/timeline.png` });
  });

  it("shows the ring's crossings on the map at the right checkpoint", async () => {
    await page.getByRole('button', { name: 'Whole span' }).click();
    await expect.poll(() => page.locator('#timeline-from').inputValue(), POLL).toBe('');
    const exit = ring.events.find((e) => e.kind === 'CROSSING_EXIT')!;
    // Where the crossing record says it was, read apart from the timeline.
    const crossing = await graphql<{ node: { checkpoint: { id: string; name: string } } }>(
      service.url,
      'query($id: ID!) { node(id: $id) { ... on BorderCrossing { checkpoint { id name } } } }',
      { id: exit.id },
    );
    const checkpoint = crossing.data!.node.checkpoint;
    const exitsThere = ring.events.filter((e) => e.kind === 'CROSSING_EXIT' && e.checkpointId === checkpoint.id);
    const row = page.locator(`#map-table tr[data-checkpoint-id="${checkpoint.id}"]`);
    await expect.poll(() => row.getAttribute('data-exits'), POLL).toBe(String(exitsThere.length));
    expect(await row.locator('th').textContent()).toBe(checkpoint.name);
    expect(await row.getAttribute('data-without-return')).toBe(
      String(exitsThere.filter((e) => e.returned === false).length),
    );
    const marker = page.locator(`#map-figure g[data-checkpoint-id="${checkpoint.id}"]`);
    expect(await marker.getAttribute('aria-label')).toContain(`${checkpoint.name} `);
    expect(await marker.getAttribute('aria-label')).toContain(`${exitsThere.length} exits`);
    // The marker stands where the checkpoint is: inside the map, north or south as its latitude says.
    const places = await graphql<{ checkpoints: { id: string; latitude: number }[] }>(
      service.url,
      '{ checkpoints { id latitude } }',
    );
    const latitude = places.data!.checkpoints.find((p) => p.id === checkpoint.id)!.latitude;
    const mapBox = (await page.locator('#map-figure').boundingBox())!;
    const markerBox = (await marker.locator('rect').boundingBox())!;
    const fromTop = (markerBox.y - mapBox.y) / mapBox.height;
    expect(fromTop).toBeGreaterThan(0);
    expect(fromTop).toBeLessThan(1);
    expect(latitude > 17 ? fromTop < 0.45 : fromTop > 0.45).toBe(true);
    await page.locator('#panel-map').screenshot({ path: `${SCREENSHOTS}/map-panel.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/map.png` });
  });

  it('saves the chart and another user with less clearance reopens it with the protected person masked', async () => {
    await openRing();
    const saved = page.getByRole('region', { name: 'Saved charts', exact: true });
    // A name of this run's own: the database may hold charts of earlier runs.
    const name = `Ring ${ring.id} ${Date.now()}`;
    await saved.getByLabel('Name').fill(name);
    await saved.getByLabel('Note').fill(`${ring.protectedName} crossed with the others; ask the border guard.`);
    await saved.getByRole('button', { name: 'Save chart' }).click();
    await expect.poll(() => page.locator('#saved-status').textContent(), POLL).toContain('Saved');
    const item = page.locator('#saved-list li[data-chart-id]').filter({ hasText: name });
    await item.first().waitFor();
    const chartId = (await item.first().getAttribute('data-chart-id'))!;
    await item
      .first()
      .getByRole('button', { name: `Share ${name}` })
      .click();
    await item.first().getByLabel('Share with users (comma-separated)').fill('e2e-colleague');
    await item.first().getByRole('button', { name: 'Save sharing' }).click();
    await expect.poll(() => page.locator('#saved-status').textContent(), POLL).toContain('e2e-colleague');
    const positions = await page.evaluate(() => window.explorer.nodeIds().length);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('e2e-colleague', [], 'border-guard');
    const shared = page.locator(`#saved-list li[data-chart-id="${chartId}"]`);
    await shared.waitFor();
    await shared.getByRole('button', { name: `Open ${name}` }).click();
    await expect.poll(() => page.locator('#chart-status').textContent(), POLL).toContain('Saved chart');
    expect(await nodeCount()).toBe(positions);
    await expect.poll(() => page.locator('#saved-opened').textContent(), POLL).toContain('Protected person');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain(ring.protectedName);
    const listed = await page.locator(`#node-list li[data-node-id="${ring.protectedId}"]`).textContent();
    expect(listed).toMatch(/Protected person [0-9A-F]{6}/);
    await page.screenshot({ path: `${SCREENSHOTS}/saved-charts.png` });
  });

  it('left no errors in the console', () => {
    expect(pageErrors).toEqual([]);
  });
});
