import { randomBytes } from 'node:crypto';
import { signToken } from '../../../src/auth/sign-token.ts';
import { graphql } from '../../support/service.ts';

/** A secret of this test file's service, so the tests sign their own tokens. */
export const TEST_JWT_SECRET = randomBytes(36).toString('base64url');

/** Headers of the agency system that sends this source's batches (a source belongs to the agency of its name). */
export async function ingestHeaders(source: string): Promise<Record<string, string>> {
  const token = await signToken(TEST_JWT_SECRET, { sub: 'linkchart-test-feed', roles: ['ingest'], agency: source });
  return { authorization: `Bearer ${token}` };
}

/** Headers of an investigator with every clearance, reading for a stated purpose. */
export async function investigatorHeaders(): Promise<Record<string, string>> {
  const token = await signToken(TEST_JWT_SECRET, {
    sub: 'linkchart-test-investigator',
    roles: ['investigator'],
    agency: 'test',
    clearance: ['minors', 'victims'],
  });
  return { authorization: `Bearer ${token}`, 'x-purpose': 'linkchart integration test' };
}

/** A read as an investigator would make it. */
export async function graphqlAsInvestigator<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
) {
  return graphql<T>(url, query, variables, await investigatorHeaders());
}
