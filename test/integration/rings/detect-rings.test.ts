import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRings, type TruthRecord } from '../../../seed/index.ts';
import type { PlantedRing } from '../../../seed/evaluate/evaluate-rings.ts';
import { loadScenario } from '../../../seed/load/load-scenario.ts';
import type { RunningService } from '../../../src/app/start-service.ts';
import type { IngestBatchInput } from '../../../src/ingest/batch-types.ts';
import { graphql, startTestService } from '../../support/service.ts';

// Detection runs over the whole database; the integration tier runs its files one at a time,
// so nothing is written between the runs compared here.
let service: RunningService;
const planted: PlantedRing[] = [];
let referenceDate = '';

beforeAll(async () => {
  service = await startTestService();
  // The demo's batches carry idempotency keys: when another test loaded it already, this replays.
  await loadScenario(
    { preset: 'demo', seed: 42 },
    (batch) => service.services.ingest.ingest(batch as IngestBatchInput),
    {
      sinks: {
        onTruth: (record: TruthRecord) => {
          if (record.type === 'ring') planted.push(record);
          if (record.type === 'scenario') referenceDate = record.referenceDate;
        },
      },
    },
  );
}, 300_000);
afterAll(() => service?.close());

interface Candidate {
  id: string;
  score: number;
  size: number;
  summary: string;
  status: string;
  factors: { code: string; description: string; contribution: number }[];
}

const DETECT = `mutation($date: Date!) { detectRings(options: {referenceDate: $date, seed: 7}) { id ringCount modularity } }`;
const CANDIDATES = `{ ringCandidates(first: 100) { totalCount edges { node {
  id score size summary status factors { code description contribution } } } } }`;

async function detect() {
  const result = await graphql<{ detectRings: { id: string; ringCount: number; modularity: number } }>(
    service.url,
    DETECT,
    { date: referenceDate },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.detectRings;
}

async function candidates(): Promise<Candidate[]> {
  const result = await graphql<{ ringCandidates: { edges: { node: Candidate }[] } }>(service.url, CANDIDATES);
  expect(result.errors).toBeUndefined();
  return result.data!.ringCandidates.edges.map((edge) => edge.node);
}

describe('ring detection over the demo city', () => {
  it('ranks ring candidates by score and explains each with its figures', async () => {
    const run = await detect();
    expect(run.ringCount).toBeGreaterThan(0);
    expect(run.modularity).toBeGreaterThan(0.3);
    const rings = await candidates();
    expect(rings.map((r) => r.score)).toEqual([...rings.map((r) => r.score)].sort((a, b) => b - a));
    const top = rings[0]!;
    expect(top.score).toBeGreaterThan(50);
    expect(top.summary).toMatch(/\d/);
    for (const factor of top.factors) expect(factor.description).toMatch(/\d|[A-Z][a-z]/);
    const sum = top.factors.reduce((total, f) => total + f.contribution, 0);
    expect(sum).toBeCloseTo(top.score, 5);
  });

  it('finds planted rings among its candidates', async () => {
    const result = await graphql<{
      ringCandidates: {
        edges: {
          node: {
            id: string;
            score: number;
            members: { entity: { kind: string; sources: { source: string; externalId: string }[] } }[];
          };
        }[];
      };
    }>(
      service.url,
      `
        {
          ringCandidates(first: 50) {
            edges {
              node {
                id
                score
                members {
                  entity {
                    kind
                    sources {
                      source
                      externalId
                    }
                  }
                }
              }
            }
          }
        }
      `,
    );
    const rings = result.data!.ringCandidates.edges.map(({ node }) => ({
      id: node.id,
      score: node.score,
      members: node.members.filter((m) => m.entity.kind === 'PERSON').map((m) => ({ refs: m.entity.sources })),
    }));
    const evaluation = evaluateRings(planted, rings);
    expect(evaluation.found).toBeGreaterThanOrEqual(1);
  });

  it('gives the same rings and scores for the same data and seed', async () => {
    await detect();
    const first = (await candidates()).map((r) => [r.id, r.score, r.size]);
    await detect();
    const second = (await candidates()).map((r) => [r.id, r.score, r.size]);
    expect(second).toEqual(first);
  });

  it('stores each current ring with exactly the members the latest run found, when most carry over', async () => {
    const membersStored = () =>
      service.services.db.runText<{ id: string; size: number; links: number; entities: number }>(
        `MATCH (r:Ring {current: true}) OPTIONAL MATCH (e)-[m:MEMBER_OF]->(r)
         RETURN r.id AS id, r.size AS size, count(m) AS links, count(DISTINCT e) AS entities ORDER BY id`,
      );
    await detect();
    const before = await membersStored();
    // Another resolution moves some members between runs; the rings that continue keep their ids.
    const other = await graphql(
      service.url,
      `
        mutation ($date: Date!) {
          detectRings(options: { referenceDate: $date, seed: 7, resolution: 3 }) {
            id
          }
        }
      `,
      { date: referenceDate },
    );
    expect(other.errors).toBeUndefined();
    await detect();
    const after = await membersStored();
    expect(after.length).toBeGreaterThan(0);
    for (const ring of after) expect([ring.id, ring.links, ring.entities]).toEqual([ring.id, ring.size, ring.size]);
    expect(after).toEqual(before);
  });

  it('gives the rings that a run at another resolution retired their ids and verdicts back when they reappear', async () => {
    const setStatus = (id: string, status: string, note: string | null) =>
      graphql(
        service.url,
        'mutation($id: ID!, $status: RingStatus!, $note: String) { setRingStatus(id: $id, status: $status, note: $note) { id } }',
        { id, status, note },
      );
    const current = async () => new Set((await candidates()).map((ring) => ring.id));
    await detect();
    const before = await current();
    for (const id of before)
      expect((await setStatus(id, 'CONFIRMED', 'seen before the resolution-3 run')).errors).toBeUndefined();
    const other = await graphql(
      service.url,
      'mutation($date: Date!) { detectRings(options: {referenceDate: $date, seed: 7, resolution: 3}) { id } }',
      { date: referenceDate },
    );
    expect(other.errors).toBeUndefined();
    const afterOther = await current();
    const retired = [...before].filter((id) => !afterOther.has(id));
    expect(retired.length).toBeGreaterThan(0);
    await detect();
    const rings = await graphql<{
      ringCandidates: { edges: { node: { id: string; status: string; statusNote: string | null } }[] };
    }>(service.url, '{ ringCandidates(first: 100) { edges { node { id status statusNote } } } }');
    const back = new Map(rings.data!.ringCandidates.edges.map(({ node }) => [node.id, node]));
    for (const id of retired)
      expect(back.get(id)).toEqual({ id, status: 'CONFIRMED', statusNote: 'seen before the resolution-3 run' });
    for (const id of back.keys()) await setStatus(id, 'OPEN', null);
  });

  it("keeps an analyst's verdict on the matching ring in the next run", async () => {
    const [top] = await candidates();
    const marked = await graphql<{ setRingStatus: { status: string } }>(
      service.url,
      'mutation($id: ID!) { setRingStatus(id: $id, status: CONFIRMED, note: "case 2024/117 opened") { status } }',
      { id: top!.id },
    );
    expect(marked.data!.setRingStatus.status).toBe('CONFIRMED');
    await detect();
    const again = await graphql<{ ring: { status: string; statusNote: string } }>(
      service.url,
      'query($id: ID!) { ring(id: $id) { status statusNote } }',
      { id: top!.id },
    );
    expect(again.data!.ring).toEqual({ status: 'CONFIRMED', statusNote: 'case 2024/117 opened' });
  });

  it('serves a ring with its members, roles, key phones and evidence', async () => {
    const [top] = await candidates();
    const result = await graphql<{
      ring: { members: { role: string; entity: { kind: string } }[]; evidence: { type: string }[] };
    }>(
      service.url,
      'query($id: ID!) { ring(id: $id) { members { role entity { kind label } } keyPhones { e164 } evidence { type sources } } }',
      { id: top!.id },
    );
    expect(result.errors).toBeUndefined();
    const roles = new Set(result.data!.ring.members.map((m) => m.role));
    expect([...roles].some((role) => ['organiser', 'recruiter', 'escort', 'victim'].includes(role))).toBe(true);
    expect(result.data!.ring.evidence.length).toBeGreaterThan(0);
  });

  it("charts a ring's members with the ring marked on them", async () => {
    const [top] = await candidates();
    const result = await graphql<{ ring: { linkChart: { nodes: { id: string; ringId: string | null }[] } } }>(
      service.url,
      'query($id: ID!) { ring(id: $id) { linkChart(maxNodes: 200) { nodes { id ringId } truncated } } }',
      { id: top!.id },
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.ring.linkChart.nodes;
    expect(nodes.length).toBeLessThanOrEqual(200);
    expect(nodes.filter((node) => node.ringId === top!.id).length).toBeGreaterThanOrEqual(3);
  });
});
