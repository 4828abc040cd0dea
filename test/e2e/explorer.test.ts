import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../src/app/start-service.ts';
import { ingestSmallNetwork, type SmallNetwork } from '../integration/linkchart/small-network.ts';
import { TEST_JWT_SECRET } from '../integration/linkchart/tokens.ts';
import { signToken } from '../../src/auth/sign-token.ts';
import { startTestService } from '../support/service.ts';

// Debian's chromium; a browser is never downloaded by playwright.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/**
 * The first chart and the first script bundle take a moment on a cold service, and the workspace's
 * other panels (ring queue, alerts) load beside the first chart on a runner of two cores.
 */
const POLL = { timeout: 60_000, interval: 100 };

let service: RunningService;
let net: SmallNetwork;
let userDataDir: string;
let context: BrowserContext;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  service = await startTestService({ AUTH_JWT_SECRET: TEST_JWT_SECRET });
  net = await ingestSmallNetwork(service.url);
  userDataDir = mkdtempSync(join(tmpdir(), 'ringwatch-explorer-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
  });
  browser = context.browser() ?? undefined;
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await service?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('the explorer page', () => {
  it('serves the page at / and its bundled script', async () => {
    const root = await fetch(`${service.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/explorer/');
    const script = await fetch(`${service.url}/explorer/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
    expect((await fetch(`${service.url}/nowhere`)).status).toBe(404);
  });

  it('signs in, searches, opens an entity, expands it and exports the chart', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${service.url}/`);
    await expect.poll(() => page.evaluate(() => typeof window.explorer), POLL).toBe('object');
    // Every panel is a landmark named as the workspace's tour names it.
    for (const name of ['Search', 'Ring queue', 'Alerts', 'Chart tools', 'Saved charts', 'Timeline', 'Map']) {
      await expect.poll(() => page.getByRole('region', { name, exact: true }).count(), POLL).toBe(1);
    }
    expect(await page.getByRole('main', { name: 'Link chart' }).count()).toBe(1);

    const token = await signToken(TEST_JWT_SECRET, {
      sub: 'e2e-investigator',
      roles: ['investigator'],
      agency: 'test',
      clearance: ['minors', 'victims'],
    });
    await page.getByLabel('Access token').fill(token);
    await page.getByLabel('Purpose / case number').fill('HS-2024-0153');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#signin-state').textContent(), POLL).toContain('HS-2024-0153');

    await page.getByLabel('Name, phone or document number').fill('vu thi hoa');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const hit = page.locator(`#results button[data-entity-id="${net.ids['p8']}"]`);
    await hit.waitFor();
    await hit.click();

    const status = page.locator('#chart-status');
    const nodeCount = async () => Number(await status.getAttribute('data-node-count'));
    // p8 knows p1, p3 and p4.
    await expect
      .poll(nodeCount, POLL)
      .toBe(4)
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}; the page says: ${await page.locator('#error').textContent()}`);
      });

    // Expand p1 from the list beside the chart (the chart itself is a canvas).
    await page.locator(`button[data-expand="${net.ids['p1']}"]`).click();
    // p1 adds its phone, p2, its case and its crossing.
    await expect.poll(nodeCount, POLL).toBe(8);
    await page.evaluate((id) => window.explorer.expand(id), net.ids['p4']!);
    await expect.poll(nodeCount, POLL).toBe(9);
    expect(await page.locator('#node-list li').count()).toBe(9);

    // Select a node: its details show in the side panel.
    await page.locator(`#node-list li[data-node-id="${net.ids['p1']}"] button`).first().click();
    await expect.poll(() => page.locator('#selected').textContent(), POLL).toContain('Nguyễn Văn Hùng');

    // The chart's exports, in Chart tools: the Saved charts panel has a JSON file input of its own.
    const chartTools = page.getByRole('region', { name: 'Chart tools', exact: true });
    const download = page.waitForEvent('download');
    await chartTools.getByRole('button', { name: 'JSON', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('linkchart.json');
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { nodes: { id: string }[] };
    expect(exported.nodes).toHaveLength(9);

    const graphml = page.waitForEvent('download');
    await chartTools.getByRole('button', { name: 'GraphML', exact: true }).click();
    const graphmlFile = await graphml;
    expect(graphmlFile.suggestedFilename()).toBe('linkchart.graphml');
    expect(readFileSync((await graphmlFile.path())!, 'utf8')).toContain('<graphml');

    await expect.poll(() => page.locator('#error').isVisible(), POLL).toBe(false);
    expect(pageErrors).toEqual([]);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/explorer.png', fullPage: true });
  });

  it('shows errors visibly, for example without a valid token', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.getByLabel('Name, phone or document number').fill('vu thi hoa');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.locator('#error').textContent(), POLL).toContain('Sign in');
  });
});
