import { describe, expect, it } from 'vitest';
import { uniqueSource } from '../../support/database.ts';
import { INGEST, asRole, defaultHeaders, graphql, graphqlWithStatus, startTestService } from '../../support/service.ts';
import { serviceAndDatabase } from '../../support/service-and-database.ts';

const running = serviceAndDatabase();

async function entityCount(): Promise<number> {
  const [row] = await running.db.runText<{ n: number }>('MATCH (e:Entity) RETURN count(e) AS n');
  return row!.n;
}

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${running.service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await defaultHeaders()), ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: (() => {
      try {
        return JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
      } catch {
        return undefined;
      }
    })(),
  };
}

describe('the endpoint refuses abusive queries before they run', () => {
  it('a 100-level deep query', async () => {
    let selection = 'id';
    for (let i = 0; i < 100; i++) selection = `... on Person { relatives { id ${selection} } }`;
    const result = await graphql(running.service.url, `{ node(id: "per_none") { id ${selection} } }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/depth|Token limit/i);
  });

  it('500 aliases', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: node(id: "per_${i}") { id }`).join(' ');
    const result = await graphql(running.service.url, `{ ${aliases} }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
  });

  it('a 10 MB query text, whether one long string or a million tokens', async () => {
    for (const query of [
      `{ node(id: "${'x'.repeat(10 * 1024 * 1024)}") { id } }`,
      `{ ${'__typename '.repeat(1_000_000)} }`,
    ]) {
      const response = await post(JSON.stringify({ query }));
      expect(response.json?.data ?? null).toBeNull();
      expect(response.json?.errors?.[0]?.message).toMatch(/longer than/);
    }
  });

  it('a body over 32 MiB is refused with 413 before it is read', async () => {
    const response = await post(
      JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(33 * 1024 * 1024) } }),
    );
    expect(response.status).toBe(413);
  });

  it('stores Cypher-looking text and null bytes verbatim as data, or refuses them, and runs nothing', async () => {
    const before = await entityCount();
    const source = uniqueSource('inject');
    const nasty = `Nguyễn'}) MATCH (n) DETACH DELETE n //`;
    const result = await graphql<{ ingest: { accepted: number; errors: { index: number; code: string }[] } }>(
      running.service.url,
      INGEST,
      {
        batch: {
          source,
          people: [
            { externalId: 'p1', fullName: nasty, documentNumbers: ['"}) RETURN 1 //'] },
            { externalId: "p2'})//", fullName: 'With\u0000Null' },
          ],
        },
      },
    );
    expect(result.data!.ingest.errors.map((e) => [e.index, e.code])).toEqual([[1, 'INVALID_VALUE']]);
    const [stored] = await running.db.runText<{ name: string; docs: string[] }>(
      'MATCH (:SourceRecord {source: $source})-[:RECORDS]->(p:Person) RETURN p.fullName AS name, p.documentNumbers AS docs',
      { source },
    );
    expect(stored).toEqual({ name: nasty, docs: ['"}) RETURN 1 //'] });
    expect(await entityCount()).toBe(before + 1);
    // Reading it back and searching for it are just as harmless.
    const search = await graphql(running.service.url, 'query S($t: String!) { search(text: $t) { score } }', {
      t: nasty,
    });
    expect(search.errors).toBeUndefined();
    const node = await graphql(running.service.url, 'query N($id: ID!) { node(id: $id) { id } }', {
      id: `x'}) MATCH (n) DETACH DELETE n //\u0000`,
    });
    expect(node).toEqual({ data: { node: null } });
    expect(await entityCount()).toBe(before + 1);
  });

  it('still takes an ingest of 5,000 records: the batch travels in variables, which the token limit does not count', async () => {
    const source = uniqueSource('large');
    const people = Array.from({ length: 5_000 }, (_, i) => ({
      externalId: `p${i}`,
      fullName: `Person ${i}`,
      dateOfBirth: '1990-01-01',
    }));
    const result = await graphql<{ ingest: { accepted: number; rejected: number } }>(running.service.url, INGEST, {
      batch: { source, people },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingest).toMatchObject({ accepted: 5_000, rejected: 0 });
  });

  it('refuses batched requests (a JSON array of operations)', async () => {
    const response = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(response.json?.data ?? null).toBeNull();
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses a GET query without a CSRF header (a page elsewhere could make a browser send it)', async () => {
    const response = await fetch(`${running.service.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { ...(await defaultHeaders()) },
    });
    expect(response.status).toBe(403);
  });
});

describe('the per-token rate limit', () => {
  it('answers RATE_LIMITED with 429 past the burst, per token', async () => {
    const limited = await startTestService({ RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '5' });
    try {
      const headers = await asRole(['analyst'], { sub: 'rate-limited-analyst' });
      const statuses: number[] = [];
      let lastCode: unknown;
      for (let i = 0; i < 8; i++) {
        const { status, body } = await graphqlWithStatus(limited.url, '{ __typename }', {}, headers);
        statuses.push(status);
        lastCode = body.errors?.[0]?.extensions?.code;
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      expect(lastCode).toBe('RATE_LIMITED');
      // Another token has its own bucket.
      const other = await graphql(
        limited.url,
        '{ __typename }',
        {},
        await asRole(['analyst'], { sub: 'another-analyst' }),
      );
      expect(other.errors).toBeUndefined();
    } finally {
      await limited.close();
    }
  });
});

describe('in production', () => {
  it('refuses introspection and serves no GraphiQL', async () => {
    const production = await startTestService({ NODE_ENV: 'production' });
    try {
      const result = await graphql(production.url, '{ __schema { queryType { name } } }');
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const page = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/graphiql/i);
    } finally {
      await production.close();
    }
  });
});
