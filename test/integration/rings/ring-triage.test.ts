import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import { INGEST, asRole, graphql, startTestService } from '../../support/service.ts';
import { ingestProtectedScenario, type ProtectedScenario } from '../security/protected-scenario.ts';

// Triage of ring candidates (decision record 0014) against the real Neo4j: verdicts with reasons,
// assignment, notes, the queue's filters, the audit records, carry-over across detection runs,
// and what an investigator without clearance reads of it all.
let service: RunningService;
let net: ProtectedScenario;
let ringId: string;
let analyst: Record<string, string>;

const DETECT = 'mutation { detectRings(options: { minSize: 2, seed: 3 }) { id ringCount } }';

async function detect(): Promise<void> {
  const result = await graphql<{ detectRings: { ringCount: number } }>(service.url, DETECT);
  expect(result.errors).toBeUndefined();
  expect(result.data!.detectRings.ringCount).toBeGreaterThan(0);
}

/** The current ring that holds the scenario's girl of 10. */
async function herRing(): Promise<string> {
  const result = await graphql<{
    ringCandidates: { edges: { node: { id: string; members: { entity: { id: string } }[] } }[] };
  }>(
    service.url,
    '{ ringCandidates(first: 100, includeDismissed: true) { edges { node { id members { entity { id } } } } } }',
  );
  expect(result.errors).toBeUndefined();
  const ring = result.data!.ringCandidates.edges.find((e) =>
    e.node.members.some((m) => m.entity.id === net.ids['minor']),
  );
  expect(ring, 'a ring holds the scenario').toBeDefined();
  return ring!.node.id;
}

const RING = `query ($id: ID!) { ring(id: $id) {
  id status statusReason statusNote statusBy statusAt assignee continuesFrom
  notes { id author at text }
  triage { action status assignee reason note by at }
} }`;

interface RingView {
  id: string;
  status: string;
  statusReason: string | null;
  statusNote: string | null;
  statusBy: string | null;
  assignee: string | null;
  continuesFrom: string | null;
  notes: { author: string; at: string; text: string }[];
  triage: {
    action: string;
    status: string;
    assignee: string | null;
    reason: string | null;
    note: string | null;
    by: string;
  }[];
}

async function ring(id: string): Promise<RingView> {
  const result = await graphql<{ ring: RingView }>(service.url, RING, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.ring;
}

async function queueIds(args: string, headers: Record<string, string> = {}): Promise<string[]> {
  const result = await graphql<{ ringCandidates: { edges: { node: { id: string } }[] } }>(
    service.url,
    `{ ringCandidates(first: 100, ${args}) { edges { node { id } } } }`,
    {},
    headers,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.ringCandidates.edges.map((e) => e.node.id);
}

beforeAll(async () => {
  service = await startTestService();
  net = await ingestProtectedScenario(service.url);
  await detect();
  ringId = await herRing();
  analyst = await asRole(['analyst'], { sub: 'analyst-lan' });
}, 300_000);
afterAll(() => service?.close());

describe('ring triage', () => {
  it('refuses a verdict without a reason of its kind, and writes nothing', async () => {
    for (const [args, message] of [
      ['status: DISMISSED', /needs a reason/],
      ['status: DISMISSED, reason: CORROBORATED_BY_CASE', /not a reason to mark a ring DISMISSED/],
      ['status: CONFIRMED, reason: DATA_ERROR', /not a reason to mark a ring CONFIRMED/],
      ['status: OPEN, reason: DATA_ERROR', /takes no reason/],
    ] as const) {
      const result = await graphql(
        service.url,
        `mutation ($id: ID!) { triageRing(id: $id, ${args}) { id } }`,
        { id: ringId },
        analyst,
      );
      expect(result.errors?.[0]?.extensions?.code, args).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    const bad = await graphql(
      service.url,
      'mutation ($id: ID!) { addRingNote(id: $id, text: "   ") { id } }',
      { id: ringId },
      analyst,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await graphql(
      service.url,
      'mutation { triageRing(id: "ring-none", status: DISMISSED, reason: DATA_ERROR) { id } }',
      {},
      analyst,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const now = await ring(ringId);
    expect(now).toMatchObject({ status: 'OPEN', statusReason: null, assignee: null, notes: [], triage: [] });
  }, 300_000);

  it('assigns, notes and dismisses with a reason; the queue follows', async () => {
    const mineAndOpen = 'statuses: [OPEN], assignee: "analyst-lan"';
    expect(await queueIds(mineAndOpen, analyst)).not.toContain(ringId);

    const assigned = await graphql<{ assignRing: { assignee: string } }>(
      service.url,
      'mutation ($id: ID!) { assignRing(id: $id, assignee: "analyst-lan") { assignee } }',
      { id: ringId },
      analyst,
    );
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignRing.assignee).toBe('analyst-lan');
    expect(await queueIds(mineAndOpen, analyst)).toContain(ringId);
    expect(await queueIds('statuses: [OPEN], unassigned: true', analyst)).not.toContain(ringId);

    const noted = await graphql<{ addRingNote: { author: string; at: string; text: string } }>(
      service.url,
      'mutation ($id: ID!) { addRingNote(id: $id, text: "Checked with the border post at Lao Cai") { author at text } }',
      { id: ringId },
      analyst,
    );
    expect(noted.errors).toBeUndefined();
    expect(noted.data!.addRingNote).toMatchObject({
      author: 'analyst-lan',
      text: 'Checked with the border post at Lao Cai',
    });
    expect(Date.parse(noted.data!.addRingNote.at)).toBeGreaterThan(Date.now() - 60_000);

    const dismissed = await graphql<{ triageRing: { status: string; statusReason: string } }>(
      service.url,
      'mutation ($id: ID!) { triageRing(id: $id, status: DISMISSED, reason: FAMILY_OR_COMMUNITY, note: "one family") { status statusReason } }',
      { id: ringId },
      analyst,
    );
    expect(dismissed.errors).toBeUndefined();
    expect(dismissed.data!.triageRing).toEqual({ status: 'DISMISSED', statusReason: 'FAMILY_OR_COMMUNITY' });

    expect(await queueIds(mineAndOpen, analyst)).not.toContain(ringId);
    expect(await queueIds('statuses: [DISMISSED]', analyst)).toContain(ringId);
    expect(await queueIds('minScore: 0', analyst)).not.toContain(ringId); // the contract's default hides dismissed rings

    const now = await ring(ringId);
    expect(now).toMatchObject({ statusBy: 'analyst-lan', statusNote: 'one family', assignee: 'analyst-lan' });
    expect(now.triage.map((e) => [e.action, e.status, e.assignee, e.reason, e.by])).toEqual([
      ['ASSIGNED', 'OPEN', 'analyst-lan', null, 'analyst-lan'],
      ['DISMISSED', 'DISMISSED', 'analyst-lan', 'FAMILY_OR_COMMUNITY', 'analyst-lan'],
    ]);
  }, 300_000);

  it('audits every triage call with the ring, the caller and the outcome', async () => {
    const result = await graphql<{
      auditTrail: {
        edges: { node: { actor: string; rootFields: string[]; outcome: string; reason: string | null } }[];
      };
    }>(
      service.url,
      'query ($id: ID!) { auditTrail(entityId: $id, first: 50) { edges { node { actor rootFields outcome reason } } } }',
      { id: ringId },
      await asRole(['supervisor']),
    );
    expect(result.errors).toBeUndefined();
    const records = result.data!.auditTrail.edges.map((e) => e.node).filter((n) => n.actor === 'analyst-lan');
    const line = (n: (typeof records)[number]) => `${n.rootFields.join(',')} ${n.outcome} ${n.reason ?? ''}`.trim();
    expect(records.map(line).sort()).toEqual(
      [
        'addRingNote ALLOWED',
        'addRingNote FAILED BAD_USER_INPUT',
        'assignRing ALLOWED',
        'triageRing ALLOWED',
        ...Array.from({ length: 4 }, () => 'triageRing FAILED BAD_USER_INPUT'),
      ].sort(),
    );
  }, 300_000);

  it('keeps status, reason, assignee and notes on a ring that later runs carry over', async () => {
    const before = await ring(ringId);
    // Run one: the same data.
    await detect();
    const after = await ring(ringId);
    // The run says which ring it continues (itself); the rest is as it was.
    expect(after).toEqual({ ...before, continuesFrom: ringId });
    expect(await queueIds('statuses: [DISMISSED]')).toContain(ringId);

    // Run two: the ring gains a member (another girl recruited by the broker); it continues.
    const added = await graphql<{ ingest: { errors: unknown[] } }>(service.url, INGEST, {
      batch: {
        source: net.source,
        people: [{ externalId: 'newcomer', fullName: 'Cao Thị Yến', dateOfBirth: '1999-02-02', sex: 'FEMALE' }],
        links: [
          {
            type: 'RECRUITED_BY',
            from: { kind: 'PERSON', externalId: 'newcomer' },
            to: { kind: 'BROKER', externalId: 'b1' },
          },
          {
            type: 'KNOWS',
            from: { kind: 'PERSON', externalId: 'newcomer' },
            to: { kind: 'PERSON', externalId: 'victim' },
          },
        ],
      },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data!.ingest.errors).toEqual([]);
    await detect();
    expect(await herRing()).toBe(ringId);
    const carried = await ring(ringId);
    expect(carried.continuesFrom).toBe(ringId);
    expect(carried).toMatchObject({
      status: 'DISMISSED',
      statusReason: 'FAMILY_OR_COMMUNITY',
      statusNote: 'one family',
      assignee: 'analyst-lan',
      notes: before.notes,
      triage: before.triage,
    });
    expect(await queueIds('statuses: [OPEN], assignee: "analyst-lan"', analyst)).not.toContain(ringId);
  }, 300_000);

  it('shows an investigator without clearance no protected name, birth date, document or phone in the queue', async () => {
    // A note and a verdict note that name protected members and a protected phone.
    const naming = `${net.names['minor']} called ${net.phones['minor']}; ${net.names['victim']} too`;
    await graphql(service.url, 'mutation ($id: ID!, $t: String!) { addRingNote(id: $id, text: $t) { id } }', {
      id: ringId,
      t: naming,
    });
    await graphql(
      service.url,
      'mutation ($id: ID!, $t: String!) { triageRing(id: $id, status: OPEN, note: $t) { id } }',
      { id: ringId, t: naming },
    );
    // The queue as the workspace reads it, and the opened ring with its chart.
    const QUEUE = `{ ringCandidates(first: 20, includeDismissed: true) { edges { node {
      id score size status statusReason statusNote assignee summary
      factors { code description contribution entityIds }
      notes { author at text }
      triage { action note }
    } } } }`;
    const OPENED = `query ($id: ID!) { ring(id: $id) {
      id summary statusNote factors { description }
      members { role entity { id kind label ... on Person { fullName dateOfBirth documentNumbers } ... on Phone { e164 } } }
      keyPhones { id label e164 }
      evidence { source target type sources }
      notes { author at text }
      triage { action note }
      linkChart(maxNodes: 100) { nodes { id label } }
    } }`;
    const uncleared = await asRole(['investigator'], { sub: 'uncleared' });
    const reads = [
      await graphql(service.url, QUEUE, {}, uncleared),
      await graphql(service.url, OPENED, { id: ringId }, uncleared),
    ];
    for (const read of reads) expect(read.errors).toBeUndefined();
    const text = JSON.stringify(reads);
    expect(text).toContain(ringId);
    expect(net.secrets.filter((secret) => text.toLowerCase().includes(secret.toLowerCase()))).toEqual([]);
    // The same reads with clearance show them: the check above looks where they would be.
    const cleared = JSON.stringify([
      await graphql(service.url, QUEUE),
      await graphql(service.url, OPENED, { id: ringId }),
    ]);
    expect(cleared).toContain(net.names['minor']);
    expect(cleared).toContain(naming);
  }, 300_000);
});
