import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TruthRecord } from '../../seed/index.ts';
import { loadScenario } from '../../seed/load/load-scenario.ts';
import type { RunningService } from '../../src/app/start-service.ts';
import type { IngestBatchInput } from '../../src/ingest/batch-types.ts';
import { batch, bornYearsAgo, crossing, daysAgo } from '../integration/alerts/planted.ts';
import { uniqueSource } from '../support/database.ts';
import { INGEST, graphql, startTestService, testToken } from '../support/service.ts';

// Debian's chromium; a browser is never downloaded by playwright.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const POLL = { timeout: 30_000, interval: 100 };
const SHOTS = 'docs/workspace';

let service: RunningService;
let userDataDir: string;
let context: BrowserContext;
let browser: Browser | undefined;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  service = await startTestService({ ALERTS_POLL_MS: '200' });
  // A small seeded city with planted rings, then one detection run.
  let referenceDate = '';
  await loadScenario(
    { preset: 'demo', seed: 42, people: 600, rings: 4, licensedAgencies: 1, tourGroups: 1, ordinaryCases: 4 },
    (records) => service.services.ingest.ingest(records as IngestBatchInput),
    {
      sinks: {
        onTruth: (record: TruthRecord) => {
          if (record.type === 'scenario') referenceDate = record.referenceDate;
        },
      },
    },
  );
  const detected = await graphql<{ detectRings: { ringCount: number } }>(
    service.url,
    'mutation ($date: Date!) { detectRings(options: { referenceDate: $date, seed: 7 }) { ringCount } }',
    { date: referenceDate },
  );
  expect(detected.errors).toBeUndefined();
  expect(detected.data!.detectRings.ringCount).toBeGreaterThan(1);
  // The city's own alerts are raised first: the one the test raises must not wait behind them.
  const head = await service.services.changes.head();
  const alerts = service.services.changes.consumer('alerts');
  for (const until = Date.now() + 300_000; (await alerts.position()) < head;) {
    if (Date.now() > until) throw new Error('the alert evaluator did not catch up with the feed');
    await new Promise((done) => setTimeout(done, 500));
  }

  userDataDir = mkdtempSync(join(tmpdir(), 'ringwatch-workspace-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: 1280, height: 800 },
  });
  browser = context.browser() ?? undefined;
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  mkdirSync(SHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await service?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function signIn(claims: Parameters<typeof testToken>[0]): Promise<void> {
  await page.goto(`${service.url}/`);
  await expect.poll(() => page.evaluate(() => typeof window.explorer), POLL).toBe('object');
  await page.getByLabel('Access token').fill(await testToken(claims));
  await page.getByLabel('Purpose / case number').fill('HS-2026-0042');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.locator('#signin-state').textContent(), POLL).toContain('HS-2026-0042');
}

const queue = () => page.getByRole('region', { name: 'Ring queue', exact: true });
const ringPanel = () => page.getByRole('region', { name: 'Ring', exact: true });
const inbox = () => page.getByRole('region', { name: 'Alerts', exact: true });
const queueIds = () =>
  queue()
    .locator('li[data-ring-id]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-ring-id')));

describe('the workspace', () => {
  it('opens the ring queue, opens the top ring, and dismisses one with a reason', async () => {
    await signIn({ sub: 'analyst-mai', roles: ['analyst'], clearance: ['minors', 'victims'] });
    for (const name of ['Search', 'Ring queue', 'Alerts', 'Ring', 'Chart tools', 'Saved charts', 'Timeline', 'Map']) {
      expect(await page.getByRole('region', { name, exact: true }).count(), name).toBe(1);
    }
    // Mine and open by default: nothing is assigned to her yet.
    await expect.poll(() => queue().textContent(), POLL).toContain('No ring matches');
    await queue().getByLabel('Assignee').selectOption('anyone');
    await expect.poll(async () => (await queueIds()).length, POLL).toBeGreaterThan(1);
    const scores = await queue()
      .locator('.queue-item .score')
      .evaluateAll((items) => items.map((i) => Number(i.textContent)));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const [top] = await queueIds();

    // Keyboard: the queue's rows are buttons; Enter opens the ring.
    await queue().locator(`button[data-ring-id="${top}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => ringPanel().locator('#ring-head').getAttribute('data-ring-id'), POLL).toBe(top);
    const panelText = (await ringPanel().textContent()) ?? '';
    expect(panelText).toContain('Members and roles');
    expect(panelText).toMatch(/reported by/);
    expect(await ringPanel().locator('.factors li').count()).toBeGreaterThan(0);
    // Its chart is in the centre.
    await expect.poll(() => page.locator('#chart-status').textContent(), POLL).toMatch(/^Ring .*: \d+ entities/);
    expect(Number(await page.locator('#chart-status').getAttribute('data-node-count'))).toBeGreaterThan(2);
    await page.screenshot({ path: `${SHOTS}/ring-queue.png` });

    // Assign it to herself: it is in her default queue now.
    await ringPanel().getByRole('button', { name: 'Assign to me' }).click();
    await queue().getByLabel('Assignee').selectOption('me');
    await expect.poll(queueIds, POLL).toEqual([top]);

    // Dismiss: the dialog asks for a reason; Escape closes it without a change.
    await ringPanel().getByRole('button', { name: 'Dismiss…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss the ring' });
    await expect.poll(() => dialog.isVisible(), POLL).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), POLL).toBe(false);
    await ringPanel().getByRole('button', { name: 'Dismiss…' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    expect(await dialog.isVisible(), 'no reason, no dismissal').toBe(true);
    await dialog.getByLabel('Reason').selectOption('LEGITIMATE_ACTIVITY');
    await dialog.getByLabel('Note (optional)').fill('A licensed agency’s ordinary recruits');
    await page.screenshot({ path: `${SHOTS}/dismiss-ring.png` });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible(), POLL).toBe(false);
    await expect.poll(() => ringPanel().locator('#ring-head').getAttribute('data-status'), POLL).toBe('DISMISSED');
    // It leaves the default queue.
    await expect.poll(queueIds, POLL).toEqual([]);
    const stored = await graphql<{ ring: { status: string; statusReason: string; statusBy: string } }>(
      service.url,
      'query ($id: ID!) { ring(id: $id) { status statusReason statusBy } }',
      { id: top },
    );
    expect(stored.data!.ring).toEqual({
      status: 'DISMISSED',
      statusReason: 'LEGITIMATE_ACTIVITY',
      statusBy: 'analyst-mai',
    });
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it('shows an alert raised by an ingest without a reload, and asks for a disposition to close it', async () => {
    await expect.poll(() => inbox().locator('#alert-live').textContent(), POLL).toBe('live');
    const source = uniqueSource('workspace-alert');
    const raised = await graphql(service.url, INGEST, {
      batch: batch(source, {
        people: [{ externalId: 'girl', fullName: 'Trần Thị Ngọc Hà', dateOfBirth: bornYearsAgo(13) }],
        crossings: [crossing('x-girl', 'girl', 'EXIT', daysAgo(1), 'Mong Cai')],
      }),
    });
    expect(raised.errors).toBeUndefined();
    const item = inbox().locator('li.alert', { hasText: 'exited through Mong Cai' }).first();
    await expect.poll(() => item.textContent(), { ...POLL, timeout: 90_000 }).toContain('Trần Thị Ngọc Hà (13)');
    expect(await item.textContent()).toContain('HIGH');
    await page.screenshot({ path: `${SHOTS}/alert-inbox.png` });

    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => item.getAttribute('data-status'), POLL).toBe('ACKNOWLEDGED');
    const alertId = (await item.getAttribute('data-alert-id'))!;
    await item.getByRole('button', { name: 'Close…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close the alert' });
    await expect.poll(() => dialog.isVisible(), POLL).toBe(true);
    await dialog.getByRole('button', { name: 'Close alert' }).click();
    expect(await dialog.isVisible(), 'no disposition, no closing').toBe(true);
    await dialog.getByLabel('Disposition: why is it closed?').fill('Handled by the border post');
    await dialog.getByRole('button', { name: 'Close alert' }).click();
    await expect.poll(() => dialog.isVisible(), POLL).toBe(false);
    await expect.poll(() => inbox().locator(`li[data-alert-id="${alertId}"]`).count(), POLL).toBe(0);
    const stored = await graphql<{ alert: { status: string; disposition: string } }>(
      service.url,
      'query ($id: ID!) { alert(id: $id) { status disposition } }',
      { id: alertId },
    );
    expect(stored.data!.alert).toEqual({ status: 'CLOSED', disposition: 'Handled by the border post' });
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it('masks the child in an alert for an investigator without clearance', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn({ sub: 'investigator-uncleared', roles: ['investigator'], clearance: [] });
    await inbox().getByLabel('Show').selectOption('all');
    const item = inbox().locator('li.alert', { hasText: 'exited through Mong Cai' }).first();
    await expect.poll(() => item.textContent(), POLL).toMatch(/Protected person [0-9A-F]{6} \(under 16\) exited/);
    const text = (await inbox().textContent()) ?? '';
    expect(text).not.toContain('Ngọc Hà');
    expect(text).not.toContain('(13)');
    // Opening the chart around it shows her masked too.
    await item.getByRole('button', { name: 'Open chart' }).click();
    await expect.poll(() => page.locator('#chart-status').textContent(), POLL).toMatch(/^Alert .*: \d+ entit/);
    expect(await page.locator('#node-list').textContent()).not.toContain('Ngọc Hà');
    await page.screenshot({ path: `${SHOTS}/alert-masked.png` });
    expect(consoleErrors).toEqual([]);
  }, 300_000);
});
