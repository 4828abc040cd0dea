import { inject } from 'vitest';
import { createLogger } from '../../src/app/logger.ts';
import { startService, type RunningService } from '../../src/app/start-service.ts';
import type { Clearance, Role } from '../../src/auth/roles.ts';
import { signToken } from '../../src/auth/sign-token.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { INGEST_MUTATION } from '../../src/import/send/http-sender.ts';

/** The HS256 secret of every service the tests start (AUTH_JWT_SECRET). */
export const TEST_JWT_SECRET = 'ringwatch-test-secret-0123456789-abcdefghijklmnop';
export const TEST_PURPOSE = 'automated test';

/** The service on a free loopback port, over the run's Neo4j. */
export async function startTestService(env: Record<string, string> = {}): Promise<RunningService> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    SEED_DEMO: 'false',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    // Tests fire bursts of requests from one token; the rate limit has its own test.
    RATE_LIMIT_PER_SECOND: '10000',
    RATE_LIMIT_BURST: '10000',
    ...env,
  });
  return startService(config, createLogger('silent'));
}

/** A token the test services accept. */
export function testToken(
  claims: { sub?: string; roles?: Role[]; agency?: string; clearance?: Clearance[]; hours?: number } = {},
): Promise<string> {
  return signToken(TEST_JWT_SECRET, {
    sub: claims.sub ?? 'test-admin',
    roles: claims.roles ?? ['admin'],
    agency: claims.agency ?? 'police',
    clearance: claims.clearance ?? ['minors', 'victims'],
    hours: claims.hours ?? 1,
  });
}

let adminToken: Promise<string> | undefined;

/**
 * What graphql() sends unless told otherwise: an admin token with both clearances and an
 * X-Purpose. A header given with the value '' is left out (no token, no purpose).
 */
export async function defaultHeaders(): Promise<Record<string, string>> {
  adminToken ??= testToken();
  return { authorization: `Bearer ${await adminToken}`, 'x-purpose': TEST_PURPOSE };
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  return (await graphqlWithStatus<T>(url, query, variables, headers)).body;
}

/** graphql() with the HTTP status too, for the tests of refusals (401, 429, ...). */
export async function graphqlWithStatus<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const merged = { 'content-type': 'application/json', ...(await defaultHeaders()), ...lowerCaseKeys(headers) };
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== '')),
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}

/**
 * Headers with a token for these roles (no clearance unless given, of the agency given or
 * police) and the test purpose; purpose '' sends none.
 */
export async function asRole(
  roles: Role[],
  options: { clearance?: Clearance[]; sub?: string; purpose?: string; agency?: string } = {},
): Promise<Record<string, string>> {
  const token = await testToken({
    roles,
    clearance: options.clearance ?? [],
    sub: options.sub ?? `test-${roles.join('-')}`,
    ...(options.agency === undefined ? {} : { agency: options.agency }),
  });
  return { authorization: `Bearer ${token}`, 'x-purpose': options.purpose ?? TEST_PURPOSE };
}

/** The ingest mutation as the importer sends it, with the whole report. */
export const INGEST = INGEST_MUTATION;
