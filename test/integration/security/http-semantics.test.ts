import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import { TEST_JWT_SECRET, asRole, startTestService } from '../../support/service.ts';

let service: RunningService;
let production: RunningService;
let withCors: RunningService;

beforeAll(async () => {
  [service, production, withCors] = await Promise.all([
    startTestService(),
    startTestService({ NODE_ENV: 'production' }),
    startTestService({ CORS_ORIGINS: 'https://explorer.agency.example, http://localhost:5173' }),
  ]);
});
afterAll(async () => {
  await Promise.all([service?.close(), production?.close(), withCors?.close()]);
});

type Accept = 'application/json' | 'application/graphql-response+json';

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  accept: Accept = 'application/graphql-response+json',
) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

const query = (text: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query: text, variables });

describe('HTTP status of refusals', () => {
  it.each([
    ['FORBIDDEN', 403, ['analyst'], true, '{ auditTrail { pageInfo { hasNextPage } } }'],
    ['PURPOSE_REQUIRED', 403, ['investigator'], false, 'query($id: ID!) { node(id: $id) { id } }'],
    ['GRAPHQL_VALIDATION_FAILED', 400, ['investigator'], true, '{ nodes { id } }'],
    ['GRAPHQL_PARSE_FAILED', 400, ['investigator'], true, '{ node(id: "x") { id '],
    [
      'QUERY_TOO_DEEP',
      400,
      ['investigator'],
      true,
      `{ node(id: "x") { ${'... on Person { relatives { '.repeat(13)}id${' } }'.repeat(13)} } }`,
    ],
  ] as const)(
    '%s: %i under application/graphql-response+json, 200 under application/json',
    async (code, status, roles, purpose, text) => {
      const headers = await asRole([...roles]);
      if (!purpose) delete headers['x-purpose'];
      const body = query(text, { id: 'per_none' });
      const strict = await post(service.url, body, headers);
      expect(strict.json.errors?.[0]?.extensions?.code).toBe(code);
      expect(strict.json).not.toHaveProperty('data');
      expect(strict.status).toBe(status);
      expect(strict.headers.get('content-type')).toContain('application/graphql-response+json');
      const legacy = await post(service.url, body, headers, 'application/json');
      expect(legacy.json.errors?.[0]?.extensions?.code).toBe(code);
      expect(legacy.status).toBe(200);
    },
  );

  it('UNAUTHENTICATED is 401 under both', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json'] as const) {
      const response = await post(service.url, query('{ __typename }'), {}, accept);
      expect(response.status).toBe(401);
      expect(response.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a field error beside data keeps 200: the request ran', async () => {
    const response = await post(
      service.url,
      query('{ a: node(id: "per_none") { id } b: linkChart(seeds: ["per_none"]) { truncated } }'),
      await asRole(['investigator']),
    );
    expect(response.json.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(response.status).toBe(200);
  });
});

describe('what an error shows', () => {
  it('an invalid JSON body is refused with 400 without quoting the body', async () => {
    const secret = 'Nguyen-Thi-Lan-CCCD-079201001234';
    for (const accept of ['application/json', 'application/graphql-response+json'] as const) {
      const response = await post(
        service.url,
        `{"query": "{ search(text: ${secret}`,
        await asRole(['investigator']),
        accept,
      );
      expect(response.status).toBe(400);
      expect(response.json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(response.text).not.toContain(secret);
      expect(response.text).not.toContain('search');
    }
  });

  it('production suggests no field, argument or enum value names', async () => {
    const headers = await asRole(['investigator']);
    for (const text of [
      '{ nod(id: "x") { id } }',
      '{ node(idd: "x") { id } }',
      '{ linkChart(seeds: ["x"], layout: RADIALL) { truncated } }',
      '{ node(id: "x") { ... on Person { fullNam } } }',
    ]) {
      const inProduction = await post(production.url, query(text), headers);
      expect(inProduction.json.errors?.length).toBeGreaterThan(0);
      expect(inProduction.text).not.toMatch(/did you mean/i);
      // Outside production the hints stay: they help whoever writes the queries.
      const inDevelopment = await post(service.url, query(text), headers);
      expect(inDevelopment.text).toMatch(/did you mean/i);
    }
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-purpose',
      },
    });

  it('is off by default: no Origin is answered, with or without credentials', async () => {
    const pre = await preflight(service.url, 'https://evil.example');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json', ...(await asRole(['analyst'])) },
      body: query('{ __typename }'),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers only the origins of CORS_ORIGINS', async () => {
    const allowed = await preflight(withCors.url, 'https://explorer.agency.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://explorer.agency.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/x-purpose/);
    const local = await preflight(withCors.url, 'http://localhost:5173');
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    for (const origin of ['https://evil.example', 'https://explorer.agency.example.evil.example', 'null']) {
      const refused = await preflight(withCors.url, origin);
      expect(refused.headers.get('access-control-allow-origin'), origin).not.toBe(origin);
    }
  });
});

describe('token lifetime', () => {
  const key = new TextEncoder().encode(TEST_JWT_SECRET);
  const sign = (iat: number | null, exp: number) => {
    const jwt = new SignJWT({ roles: ['analyst'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('lifetime');
    if (iat !== null) jwt.setIssuedAt(iat);
    return jwt.setExpirationTime(exp).sign(key);
  };
  const now = () => Math.floor(Date.now() / 1000);
  const status = async (token: string) =>
    (await post(service.url, query('{ __typename }'), { authorization: `Bearer ${token}` })).status;

  it('refuses a token 30 s past exp, one valid for a century, and one without iat valid for days', async () => {
    expect(await status(await sign(now() - 3600, now() - 30))).toBe(401);
    expect(await status(await sign(now(), now() + 100 * 365 * 24 * 3600))).toBe(401);
    expect(await status(await sign(null, now() + 3 * 24 * 3600))).toBe(401);
  });

  it('accepts a working day, and a token a second or two past exp (clock leeway)', async () => {
    expect(await status(await sign(now(), now() + 8 * 3600))).toBe(200);
    expect(await status(await sign(now() - 3600, now() - 2))).toBe(200);
  });
});
