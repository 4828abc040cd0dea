import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { verifySignature } from '../../src/alerts/webhooks/sign-payload.ts';
import { createServices, type Services } from '../../src/app/services.ts';
import type { Database } from '../../src/db/database.ts';
import { InProcessSender } from '../../src/import/send/in-process-sender.ts';
import { bornYearsAgo, crossing, daysAgo } from '../integration/alerts/planted.ts';
import { connectTestDatabase, uniqueSource } from '../support/database.ts';
import { TEST_JWT_SECRET, TEST_PURPOSE, graphql, testToken } from '../support/service.ts';
import { ServiceProcess, freePort, healthStatus, waitFor } from '../support/service-process.ts';
import { serverSentEventData } from '../../src/shared/server-sent-events.ts';

vi.setConfig({ testTimeout: 600_000, hookTimeout: 300_000 });

/**
 * The service as its own process over the run's Neo4j, and an importer writing in this test's
 * process (in-process, as `npm run import` without --url does): alerts of the importer's batches
 * reach the service's subscribers and agencies' webhooks.
 */
let port: number;
let service: ServiceProcess | undefined;
let db: Database;
let importer: Services;
let receiver: Server;
let receiverUrl: string;
const received: { headers: IncomingMessage['headers']; body: string; status: number }[] = [];
/** Each delivery (by its id) fails this many times before the receiver takes it. */
const FAILURES_PER_DELIVERY = 2;
const attemptsSeen = new Map<string, number>();

function startService(): ServiceProcess {
  const started = new ServiceProcess({
    PORT: String(port),
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    SEED_DEMO: 'false',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_PER_SECOND: '10000',
    RATE_LIMIT_BURST: '10000',
    ALERTS_POLL_MS: '100',
    WEBHOOK_BACKOFF_MS: '300',
  });
  service = started;
  return started;
}

async function ready(): Promise<void> {
  await waitFor(async () => (await healthStatus(port)) === 200, 240_000, 'the service to answer /health');
}

beforeAll(async () => {
  db = await connectTestDatabase();
  importer = createServices(db);
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const id = String(req.headers['x-ringwatch-delivery']);
      const attempt = (attemptsSeen.get(id) ?? 0) + 1;
      attemptsSeen.set(id, attempt);
      const status = attempt <= FAILURES_PER_DELIVERY ? 500 : 200;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/ringwatch`;
  port = await freePort();
  startService();
  await ready();
});

afterAll(async () => {
  service?.child.kill('SIGKILL');
  await service?.exited;
  receiver?.close();
  await db?.close();
});

/** An SSE subscription as a client makes it: POST with Accept: text/event-stream; collects the events. */
function subscribe(headers: Record<string, string>, query: string) {
  const events: Record<string, unknown>[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify({ query }),
      signal: controller.signal,
    });
    for await (const data of serverSentEventData(response.body!))
      events.push(JSON.parse(data) as Record<string, unknown>);
  })().catch(() => undefined);
  return { events, close: () => controller.abort(), done };
}

const SUBSCRIPTION = `subscription { alertRaised(rules: ["MINOR_BORDER_EXIT"]) {
  id rule severity summary ringId
  entities { id label ... on Person { fullName dateOfBirth documentNumbers } }
  sources { source externalId }
} }`;

function childLeaving(source: string, name: string, key: string) {
  return {
    source,
    idempotencyKey: key,
    people: [
      {
        externalId: `child-${key}`,
        fullName: name,
        dateOfBirth: bornYearsAgo(14),
        documentNumbers: ['CCCD:001212345678'],
      },
    ],
    crossings: [crossing(`x-${key}`, `child-${key}`, 'EXIT', daysAgo(0, -30), 'Lao Cai')],
  };
}

describe('alert delivery', () => {
  it('brings an alert of an in-process import to an uncleared SSE subscriber, masked, and to a signed webhook on the third try', async () => {
    const admin = { authorization: `Bearer ${await testToken()}`, 'x-purpose': TEST_PURPOSE };
    const agency = uniqueSource('agency');
    const registered = await graphql<{ registerWebhook: { secret: string; webhook: { url: string } } }>(
      `http://127.0.0.1:${port}`,
      'mutation ($input: WebhookInput!) { registerWebhook(input: $input) { secret webhook { url } } }',
      { input: { agency, url: receiverUrl, rules: ['MINOR_BORDER_EXIT'] } },
      admin,
    );
    expect(registered.errors).toBeUndefined();
    const secret = registered.data!.registerWebhook.secret;

    const analyst = await testToken({ sub: 'analyst-uncleared', roles: ['analyst'], clearance: [] });
    const subscription = subscribe({ authorization: `Bearer ${analyst}`, 'x-purpose': TEST_PURPOSE }, SUBSCRIPTION);
    // The subscription is live once its start is in the audit trail.
    await waitFor(
      async () =>
        (
          await db.runText(
            "MATCH (a:AuditEvent {actor: 'analyst-uncleared'}) WHERE 'alertRaised' IN a.rootFields RETURN a LIMIT 1",
          )
        ).length > 0,
      60_000,
      'the subscription to start',
    );

    const source = uniqueSource('import');
    const name = 'Trần Thị Ngọc Ánh';
    const sender = new InProcessSender(importer.ingest, 'in-process');
    await sender.send(childLeaving(source, name, 'sse'));

    type Event = {
      data?: {
        alertRaised: {
          id: string;
          summary: string;
          entities: { fullName?: string; dateOfBirth?: string | null; label: string; documentNumbers?: string[] }[];
          sources: { source: string; externalId: string }[];
        };
      };
    };
    const ours = () =>
      (subscription.events as Event[]).find((e) => e.data?.alertRaised.sources.some((s) => s.source === source));
    await waitFor(() => ours() !== undefined, 120_000, 'the alert at the subscriber');
    subscription.close();
    const alert = ours()!.data!.alertRaised;
    expect(alert.summary).toMatch(/^Protected person [0-9A-F]{6} \(under 16\) exited through Lao Cai/);
    const text = JSON.stringify(alert);
    for (const secretPart of ['Trần', 'Ánh', bornYearsAgo(14), '001212345678']) expect(text).not.toContain(secretPart);
    const child = alert.entities.find((e) => e.fullName !== undefined)!;
    expect(child.dateOfBirth).toBeNull();
    expect(child.documentNumbers).toEqual([]);
    expect(alert.sources.map((s) => s.source)).toContain(source);

    // The webhook: two failures, then delivered, every attempt with the same id and a valid signature.
    const alertIdOf = (r: { body: string }) => (JSON.parse(r.body) as { alert: { id: string } }).alert.id;
    await waitFor(
      () => received.some((r) => r.status === 200 && alertIdOf(r) === alert.id),
      120_000,
      'the webhook delivery',
    );
    const forAlert = received.filter((r) => (JSON.parse(r.body) as { alert: { id: string } }).alert.id === alert.id);
    expect(forAlert.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(forAlert.map((r) => r.headers['x-ringwatch-delivery'])).size).toBe(1);
    for (const r of forAlert) {
      expect(
        verifySignature(
          secret,
          String(r.headers['x-ringwatch-timestamp']),
          r.body,
          String(r.headers['x-ringwatch-signature']),
        ),
      ).toBe(true);
    }
    expect(
      verifySignature(
        'another secret',
        String(forAlert[0]!.headers['x-ringwatch-timestamp']),
        forAlert[0]!.body,
        String(forAlert[0]!.headers['x-ringwatch-signature']),
      ),
    ).toBe(false);
    expect(forAlert[2]!.body).not.toContain('Trần');

    // Each delivery is a disclosure in the audit trail, naming the recipient.
    const disclosures = await db.runText<{ actor: string }>(
      "MATCH (a:AuditEvent) WHERE a.operation STARTS WITH 'disclosure alert ' + $id RETURN a.actor AS actor",
      { id: alert.id },
    );
    expect(disclosures.map((d) => d.actor).sort()).toEqual(['analyst-uncleared', `webhook:${agency}`]);
    await graphql(
      `http://127.0.0.1:${port}`,
      'mutation ($a: String!) { removeWebhook(agency: $a) }',
      { a: agency },
      admin,
    );
  });

  it('raises every alert exactly once when the service restarts in the middle of a feed', async () => {
    const source = uniqueSource('restart');
    const sender = new InProcessSender(importer.ingest, 'in-process');
    const keys = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    await sender.send(childLeaving(source, 'Lâm Thị Một', keys[0]!));
    await sender.send(childLeaving(source, 'Lâm Thị Hai', keys[1]!));
    service!.child.kill('SIGKILL');
    await service!.exited;
    // Written while no service runs: the feed keeps them.
    await sender.send(childLeaving(source, 'Lâm Thị Ba', keys[2]!));
    await sender.send(childLeaving(source, 'Lâm Thị Bốn', keys[3]!));
    startService();
    await sender.send(childLeaving(source, 'Lâm Thị Năm', keys[4]!));
    await ready();
    await sender.send(childLeaving(source, 'Lâm Thị Sáu', keys[5]!));
    // A replay of a batch already sent raises nothing more.
    await sender.send(childLeaving(source, 'Lâm Thị Một', keys[0]!));

    const count = async () =>
      db.runText<{ key: string; alerts: number }>(
        `MATCH (s:SourceRecord {source: $source, kind: 'BORDER_CROSSING'})-[:RECORDS]->(x)
         OPTIONAL MATCH (a:Alert {rule: 'MINOR_BORDER_EXIT'}) WHERE x.id IN a.entityIds
         RETURN s.externalId AS key, count(a) AS alerts ORDER BY key`,
        { source },
      );
    await waitFor(async () => (await count()).every((row) => row.alerts > 0), 180_000, 'every alert');
    expect(await count()).toEqual(keys.map((key) => ({ key: `x-${key}`, alerts: 1 })));
  });
});
