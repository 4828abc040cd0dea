import { describe, expect, it } from 'vitest';
import { asRole, graphql, startTestService } from '../../support/service.ts';
import { serviceAndDatabase } from '../../support/service-and-database.ts';

const running = serviceAndDatabase();

interface StoredEvent {
  operation: string;
  outcome: string;
  reason: string | null;
  rootFields: string[];
  purpose: string | null;
}

async function eventsOf(actor: string): Promise<StoredEvent[]> {
  return running.db.runText<StoredEvent & Record<string, unknown>>(
    `MATCH (a:AuditEvent {actor: $actor})
     RETURN a.operation AS operation, a.outcome AS outcome, a.reason AS reason, a.rootFields AS rootFields,
            a.purpose AS purpose
     ORDER BY a.seq`,
    { actor },
  );
}

let callers = 0;
/** A request of a caller of its own, and the one audit record it left. */
async function refusedAs(query: string, variables: Record<string, unknown> = {}, url = running.service.url) {
  const sub = `refused-${Date.now()}-${callers++}`;
  const result = await graphql(url, query, variables, await asRole(['investigator'], { sub, purpose: 'Case 9/2026' }));
  expect(result.data ?? null).toBeNull();
  return { code: result.errors?.[0]?.extensions?.code, events: await eventsOf(sub) };
}

let nested = 'id';
for (let i = 0; i < 20; i++) nested = `... on Person { relatives { id ${nested} } }`;

describe('requests of an authenticated caller refused before they run are audited', () => {
  it.each([
    ['a syntax error', '{ node(id: "per_1") { id ', 'FAILED', 'GRAPHQL_PARSE_FAILED', 'unparsed (anonymous)', []],
    [
      'an unknown field',
      'query Probe { nodes(id: "per_1") { id } }',
      'FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'query Probe',
      ['nodes'],
    ],
    [
      'too deep',
      `query Deep { node(id: "per_1") { id ${nested} } }`,
      'DENIED',
      'QUERY_TOO_DEEP',
      'query Deep',
      ['node'],
    ],
    [
      'too many aliases',
      `query Many { ${Array.from({ length: 31 }, (_, i) => `a${i}: node(id: "per_${i}") { id }`).join(' ')} }`,
      'DENIED',
      'TOO_MANY_ALIASES',
      'query Many',
      ['node'],
    ],
    [
      'too many directives',
      `query Directed { node(id: "per_1") { ${'id @include(if: true) '.repeat(51)} } }`,
      'DENIED',
      'TOO_MANY_DIRECTIVES',
      'query Directed',
      ['node'],
    ],
    [
      'too costly',
      'query Dear { auditTrail(first: 1000) { edges { node { id at actor agency operation purpose outcome entityIds seq roles rootFields reason } } } }',
      'DENIED',
      'QUERY_TOO_COSTLY',
      'query Dear',
      ['auditTrail'],
    ],
    [
      'too many tokens',
      `query Long { node(id: "per_1") { ${'id '.repeat(6_000)} } }`,
      'DENIED',
      'TOO_MANY_TOKENS',
      'unparsed (anonymous)',
      [],
    ],
    [
      'too long a text',
      `query Huge { node(id: "${'x'.repeat(100_001)}") { id } }`,
      'DENIED',
      'QUERY_TOO_LONG',
      'unparsed (anonymous)',
      [],
    ],
  ])('%s', async (_, query, outcome, reason, operation, rootFields) => {
    const { code, events } = await refusedAs(query);
    expect(code).toBe(reason);
    expect(events).toEqual([{ operation, outcome, reason, rootFields, purpose: 'Case 9/2026' }]);
  });

  it('a bad variable', async () => {
    const { code, events } = await refusedAs('query Typed($id: ID!) { node(id: $id) { id } }', {
      id: { not: 'an id' },
    });
    expect(code).toBe('BAD_USER_INPUT');
    expect(events).toMatchObject([{ operation: 'query Typed', outcome: 'FAILED', reason: 'BAD_USER_INPUT' }]);
  });

  it('a request over the rate limit', async () => {
    const limited = await startTestService({ RATE_LIMIT_PER_SECOND: '0.01', RATE_LIMIT_BURST: '1' });
    try {
      const sub = `rate-${Date.now()}`;
      const headers = await asRole(['analyst'], { sub });
      await graphql(limited.url, 'query First { __typename }', {}, headers);
      const second = await graphql(limited.url, 'query Second { latestDetectionRun { id } }', {}, headers);
      expect(second.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(await eventsOf(sub)).toMatchObject([
        { operation: 'query Second', outcome: 'DENIED', reason: 'RATE_LIMITED', rootFields: ['latestDetectionRun'] },
      ]);
    } finally {
      await limited.close();
    }
  });

  it('while a request without a valid token leaves no record, and an allowed one leaves exactly one', async () => {
    const before = await running.db.runText<{ n: number }>('MATCH (a:AuditEvent) RETURN count(a) AS n');
    const refused = await graphql(running.service.url, '{ nodes }', {}, { authorization: 'Bearer not.a.token' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const sub = `allowed-${Date.now()}`;
    await graphql(
      running.service.url,
      'query Fine { latestDetectionRun { id } }',
      {},
      await asRole(['analyst'], { sub }),
    );
    const after = await running.db.runText<{ n: number }>('MATCH (a:AuditEvent) RETURN count(a) AS n');
    expect(after[0]!.n - before[0]!.n).toBe(1);
    expect(await eventsOf(sub)).toMatchObject([{ operation: 'query Fine', outcome: 'ALLOWED', reason: null }]);
  });
});
