import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { OPERATION_POLICY } from '../../../src/auth/operation-policy.ts';
import { ROLES } from '../../../src/auth/roles.ts';
import { inProcessYoga } from './in-process-yoga.ts';

const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));

/** A literal that passes validation for a required argument of this type. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return `{ ${fields.map((field) => `${field.name}: ${literal(field.type)}`).join(', ')} }`;
  }
  if (type.name === 'Int') return '1';
  if (type.name === 'Float') return '0.5';
  if (type.name === 'Boolean') return 'true';
  return '"x"';
}

/** The smallest valid operation that calls one root field. */
function operationFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((arg) => isNonNullType(arg.type));
  const argText = args.length ? `(${args.map((arg) => `${arg.name}: ${literal(arg.type)}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isAbstractType(named) ? ' { __typename }' : '';
  return `${operation} { ${field.name}${argText}${selection} }`;
}

const rootFields = (['query', 'mutation'] as const).flatMap((operation) => {
  const type = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(type?.getFields() ?? {}).map((field) => ({
    key: `${type!.name}.${field.name}`,
    query: operationFor(operation, field),
  }));
});

const READERS = 'analyst investigator supervisor admin';
/**
 * Who may call what, as the contract gives it, written out apart from src/auth/operation-policy.ts
 * so that a change to either shows here. A root field added later and not listed here is held to
 * the policy's own line.
 */
const CONTRACT_ROLES: Record<string, string> = {
  'Query.node': READERS,
  'Query.entity': READERS,
  'Query.search': READERS,
  'Query.linkChart': READERS,
  'Query.exportLinkChart': READERS,
  'Query.paths': READERS,
  'Query.ringCandidates': READERS,
  'Query.ring': READERS,
  'Query.duplicateCandidates': READERS,
  'Query.latestDetectionRun': READERS,
  'Query.auditTrail': 'supervisor admin',
  'Mutation.ingest': 'ingest admin',
  'Mutation.detectRings': 'analyst admin',
  'Mutation.setRingStatus': 'analyst admin',
  // Ring triage (README, "The workspace"): analysts decide; supervisors hand rings out too; any reader notes.
  'Mutation.triageRing': 'analyst admin',
  'Mutation.assignRing': 'analyst supervisor admin',
  'Mutation.addRingNote': READERS,
  'Mutation.exportLinkChart': READERS,
  'Mutation.mergeEntities': 'investigator supervisor admin',
  'Mutation.unmergeEntity': 'investigator supervisor admin',
  // Early warning: every reader reads and triages alerts and keeps watches; only admins manage
  // the webhooks that carry alerts to other agencies.
  'Query.alerts': READERS,
  'Query.alert': READERS,
  'Query.watches': READERS,
  'Query.webhooks': 'admin',
  'Query.webhookDeadLetters': 'admin',
  'Mutation.watch': READERS,
  'Mutation.unwatch': READERS,
  'Mutation.updateAlert': READERS,
  'Mutation.registerWebhook': 'admin',
  'Mutation.removeWebhook': 'admin',
  'Query.checkpoints': READERS,
  'Query.timeline': READERS,
  'Query.savedCharts': READERS,
  'Query.savedChart': READERS,
  'Query.exportSavedChart': READERS,
  'Mutation.saveChart': READERS,
  'Mutation.shareChart': READERS,
  'Mutation.deleteSavedChart': READERS,
  'Mutation.importSavedChart': READERS,
};

describe('the role table, through the GraphQL layer', () => {
  // Every capability is a stub that fails: an allowed call gets as far as the resolver and
  // answers "Unexpected error.", a denied one FORBIDDEN before anything runs.
  const { request } = inProcessYoga();
  const table = rootFields.flatMap(({ key, query }) => ROLES.map((role) => ({ key, query, role })));

  it.each(table)('$key as $role', async ({ key, query, role }) => {
    const roles = CONTRACT_ROLES[key]?.split(' ') ?? OPERATION_POLICY[key]?.roles ?? [];
    const allowed = roles.includes(role);
    const { codes } = await request({ query, roles: [role] });
    expect(codes).toHaveLength(1);
    if (allowed) expect(codes[0]).not.toBe('FORBIDDEN');
    else expect(codes[0]).toBe('FORBIDDEN');
  });
});

describe('the plugins, in their order', () => {
  const DEEP = `{ node(id: "per_1") { ... on Person { ${'relatives { '.repeat(14)}id${' }'.repeat(14)} } } }`;

  it('refuses a request without CSRF proof before looking at its token', async () => {
    const { yoga } = inProcessYoga();
    const response = await yoga.fetch('http://in-process/graphql?query=%7B__typename%7D', { method: 'GET' });
    expect(response.status).toBe(403);
  });

  it('asks who is calling before anything else: no token, UNAUTHENTICATED even for an over-limit query', async () => {
    const { request, audit } = inProcessYoga();
    const { codes } = await request({ query: `{ ${'a: __typename '.repeat(40)} }`, token: null });
    expect(codes).toEqual(['UNAUTHENTICATED']);
    expect(audit).toEqual([]);
  });

  it('counts the rate before the query limits and the role table: past the burst, RATE_LIMITED whatever is asked', async () => {
    const { request } = inProcessYoga({ rateLimit: { perSecond: 0.01, burst: 1 } });
    await request({ query: '{ __typename }' });
    expect((await request({ query: `{ ${'a: __typename '.repeat(40)} }`, roles: ['ingest'] })).codes).toEqual([
      'RATE_LIMITED',
    ]);
  });

  it('applies the query limits before the role table: an over-deep query from a role that may not run it is refused for its depth', async () => {
    const { request, audit } = inProcessYoga();
    const { codes, body } = await request({ query: DEEP, roles: ['ingest'] });
    expect(codes).not.toContain('FORBIDDEN');
    expect(body.errors?.[0]?.message).toMatch(/depth/i);
    // Refused before execution, and still recorded: as a denial for its depth, not for the role.
    expect(audit).toMatchObject([{ outcome: 'DENIED', reason: 'QUERY_TOO_DEEP', rootFields: ['node'] }]);
  });

  it('records a denied operation in the audit trail, since the audit wraps the authorisation', async () => {
    const { request, audit } = inProcessYoga();
    await request({ query: 'query Look { node(id: "per_1") { id } }', roles: ['ingest'], sub: 'feed-1' });
    expect(audit).toMatchObject([
      { actor: 'feed-1', operation: 'query Look', rootFields: ['node'], outcome: 'DENIED', reason: 'FORBIDDEN' },
    ]);
  });
});
