import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { AuditTrail } from '../../../src/audit/audit-trail.ts';
import { verifyChain } from '../../../src/audit/verify-chain.ts';
import { asRole, graphql } from '../../support/service.ts';
import { serviceAndDatabase } from '../../support/service-and-database.ts';
import { ingestProtectedScenario, type ProtectedScenario } from './protected-scenario.ts';
import { readsOf } from './reads.ts';

const running = serviceAndDatabase();
let scenario: ProtectedScenario;

beforeAll(async () => {
  scenario = await ingestProtectedScenario(running.service.url);
});

interface StoredEvent {
  operation: string;
  outcome: string;
  purpose: string | null;
  entityIds: string[];
  rootFields: string[];
  agency: string | null;
  roles: string[];
}

async function eventsOf(actor: string): Promise<StoredEvent[]> {
  return running.db.runText<StoredEvent & Record<string, unknown>>(
    `MATCH (a:AuditEvent {actor: $actor})
     RETURN a.operation AS operation, a.outcome AS outcome, a.purpose AS purpose, a.entityIds AS entityIds,
            a.rootFields AS rootFields, a.agency AS agency, a.roles AS roles
     ORDER BY a.seq`,
    { actor },
  );
}

const AUDIT = /* GraphQL */ `
  query Trail($entityId: ID, $first: Int, $after: String) {
    auditTrail(entityId: $entityId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          at
          actor
          agency
          operation
          purpose
          outcome
          entityIds
          seq
          roles
          rootFields
          reason
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

describe('the audit trail', () => {
  it('has one record per personal-data read of a session, with who, why and the entities it returned', async () => {
    const sub = `audited-${Date.now()}`;
    const headers = await asRole(['investigator'], { sub, purpose: 'Case 14/2026 Mong Cai' });
    const reads = readsOf(scenario);
    for (const read of reads) await graphql(running.service.url, read.query, read.variables, headers);
    const events = await eventsOf(sub);
    expect(events).toHaveLength(reads.length);
    for (const event of events) {
      expect(event).toMatchObject({
        outcome: 'ALLOWED',
        purpose: 'Case 14/2026 Mong Cai',
        agency: 'police',
        roles: ['investigator'],
      });
    }
    const nodeReads = events.filter((e) => e.rootFields.includes('node'));
    for (const [key, id] of Object.entries(scenario.ids)) {
      expect(
        nodeReads.some((e) => e.entityIds.includes(id)),
        key,
      ).toBe(true);
    }
    const chart = events.find((e) => e.rootFields.includes('linkChart'))!;
    expect(chart.entityIds).toEqual(expect.arrayContaining([scenario.ids['minor'], scenario.ids['broker']]));
  });

  it('records denials: a missing purpose and a forbidden operation', async () => {
    const sub = `denied-${Date.now()}`;
    const noPurpose = { ...(await asRole(['analyst'], { sub })), 'x-purpose': '' };
    const refused = await graphql(
      running.service.url,
      'query Peek($id: ID!) { node(id: $id) { id } }',
      { id: scenario.ids['minor'] },
      noPurpose,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    const forbidden = await graphql(
      running.service.url,
      '{ auditTrail { pageInfo { hasNextPage } } }',
      {},
      await asRole(['analyst'], { sub }),
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const events = await eventsOf(sub);
    expect(events.map((e) => [e.operation, e.outcome])).toEqual([
      ['query Peek', 'DENIED'],
      ['query (anonymous)', 'DENIED'],
    ]);
    expect(events[0]!.entityIds).toEqual([]);
  });

  it('records writes, with their outcome', async () => {
    const sub = `writer-${Date.now()}`;
    await graphql(
      running.service.url,
      'mutation { ingest(batch: {source: "bad|source"}) { accepted } }',
      {},
      await asRole(['ingest'], { sub }),
    );
    expect(await eventsOf(sub)).toMatchObject([
      { operation: 'mutation (anonymous)', outcome: 'FAILED', rootFields: ['ingest'] },
    ]);
  });

  it('shows supervisors the trail of one entity, newest first, page by page', async () => {
    const headers = await asRole(['supervisor'], { sub: 'supervisor-1' });
    const id = scenario.ids['victim']!;
    const first = await graphql<{
      auditTrail: {
        edges: { cursor: string; node: { seq: number; entityIds: string[]; actor: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(running.service.url, AUDIT, { entityId: id, first: 2 }, headers);
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.auditTrail;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges[0]!.node.seq).toBeGreaterThan(page1.edges[1]!.node.seq);
    for (const edge of page1.edges) expect(edge.node.entityIds).toContain(id);
    const second = await graphql<typeof first.data>(
      running.service.url,
      AUDIT,
      { entityId: id, first: 2, after: page1.pageInfo.endCursor },
      headers,
    );
    const page2 = second.data!.auditTrail;
    expect(page2.edges[0]!.node.seq).toBeLessThan(page1.edges[1]!.node.seq);
  });

  it('keeps one unbroken chain when many appends arrive at once', async () => {
    const trail = new AuditTrail(running.db);
    const entry = (i: number) => ({
      at: new Date().toISOString(),
      actor: `burst-${i}`,
      agency: 'police',
      roles: ['investigator'],
      operation: 'query Burst',
      rootFields: ['node'],
      entityIds: [],
      purpose: 'burst test',
      outcome: 'ALLOWED' as const,
      reason: null,
    });
    const events = await Promise.all(Array.from({ length: 120 }, (_, i) => trail.append(entry(i))));
    const seqs = events.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(120);
    expect(Math.max(...seqs) - Math.min(...seqs)).toBe(119);
    expect(await verifyChain(trail)).toMatchObject({ ok: true });
  });

  it('verifies as a chain, and names the record changed behind its back', async () => {
    const trail = new AuditTrail(running.db);
    const verdict = await verifyChain(trail);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.records).toBeGreaterThan(10);
    const command = verifyCommand();
    expect(command.status, command.output).toBe(0);
    expect(command.output).toMatch(/^audit trail OK: \d+ records/);

    const [victim] = await running.db.runText<{ id: string; seq: number; purpose: string }>(
      "MATCH (a:AuditEvent) WHERE a.outcome = 'ALLOWED' AND a.purpose IS NOT NULL RETURN a.id AS id, a.seq AS seq, a.purpose AS purpose ORDER BY a.seq LIMIT 1",
    );
    await running.db.runText(
      'MATCH (a:AuditEvent {id: $id}) SET a.purpose = $purpose',
      { id: victim!.id, purpose: 'nothing to see' },
      'WRITE',
    );
    try {
      const broken = await verifyChain(trail);
      expect(broken).toMatchObject({ ok: false, seq: victim!.seq, id: victim!.id });
      const command = verifyCommand();
      expect(command.status).toBe(1);
      expect(command.output).toContain(`BROKEN at seq ${victim!.seq} (id ${victim!.id})`);
    } finally {
      // Put it back: the trail is shared by the whole test run.
      await running.db.runText(
        'MATCH (a:AuditEvent {id: $id}) SET a.purpose = $purpose',
        { id: victim!.id, purpose: victim!.purpose },
        'WRITE',
      );
    }
    expect(await verifyChain(trail)).toMatchObject({ ok: true });
  });
});

/** npm run audit:verify, as an operator runs it against the run's Neo4j. */
function verifyCommand(): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/audit/verify.ts'], {
    cwd: new URL('../../../', import.meta.url),
    env: { PATH: process.env['PATH'] ?? '', NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}
