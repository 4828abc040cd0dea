import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import { ROLES, type Role } from '../../../src/auth/roles.ts';
import { uniqueSource } from '../../support/database.ts';
import { INGEST, asRole, graphql, startTestService } from '../../support/service.ts';

/**
 * The contract's header, written out by hand (not imported from the policy table it checks):
 * ingest may call ingest and nothing else; analysts read rings, link charts, paths and
 * entities and run detectRings; investigators read entities, link charts, paths and rings;
 * supervisors read everything, auditTrail included; admins do everything.
 */
const READ = ['analyst', 'investigator', 'supervisor', 'admin'];
const CONTRACT: Record<string, string[]> = {
  node: READ,
  entity: READ,
  linkChart: READ,
  paths: READ,
  search: READ,
  exportLinkChart: READ,
  ringCandidates: READ,
  ring: READ,
  latestDetectionRun: READ,
  auditTrail: ['supervisor', 'admin'],
  ingest: ['ingest', 'admin'],
  detectRings: ['analyst', 'admin'],
  setRingStatus: ['analyst', 'admin'],
  // Ring triage (README, "The workspace"): analysts decide; supervisors hand rings out too; any
  // reader adds notes.
  triageRing: ['analyst', 'admin'],
  assignRing: ['analyst', 'supervisor', 'admin'],
  addRingNote: READ,
  // Entity resolution (not in the contract's header; README, "Entity resolution"): analysts may
  // read candidates; investigators, supervisors and admins merge and undo merges.
  duplicateCandidates: READ,
  mergeEntities: ['investigator', 'supervisor', 'admin'],
  unmergeEntity: ['investigator', 'supervisor', 'admin'],
  // Early warning (README, "Early warning"): every reader reads and triages alerts and keeps
  // watches; only admins manage the webhooks that carry alerts to other agencies.
  alerts: READ,
  alert: READ,
  watches: READ,
  watch: READ,
  unwatch: READ,
  updateAlert: READ,
  webhooks: ['admin'],
  webhookDeadLetters: ['admin'],
  registerWebhook: ['admin'],
  removeWebhook: ['admin'],
  // The workspace (README, "The workspace: a short tour"): every reader reads checkpoints and
  // timelines and keeps, opens, shares and exports saved charts of their own.
  checkpoints: READ,
  timeline: READ,
  savedCharts: READ,
  savedChart: READ,
  exportSavedChart: READ,
  saveChart: READ,
  shareChart: READ,
  deleteSavedChart: READ,
  importSavedChart: READ,
};

/** Each root field with small fixed inputs that can neither write nor run anything heavy when allowed. */
const OPERATIONS: Record<string, { query: string; variables?: () => Record<string, unknown> }> = {
  node: { query: '{ node(id: "per_none") { id } }' },
  entity: { query: '{ entity(ref: {kind: PERSON, externalId: "none", source: "none"}) { id } }' },
  linkChart: { query: '{ linkChart(seeds: ["per_none"]) { truncated } }' },
  paths: { query: '{ paths(from: "per_none", to: "per_none2") { length } }' },
  search: { query: '{ search(text: "zzqqxxyy") { score } }' },
  exportLinkChart: { query: '{ exportLinkChart(seeds: ["per_none"], format: JSON) { filename } }' },
  ringCandidates: { query: '{ ringCandidates(first: 1, minScore: 101) { totalCount } }' },
  ring: { query: '{ ring(id: "ring_none") { id } }' },
  latestDetectionRun: { query: '{ latestDetectionRun { id } }' },
  auditTrail: { query: '{ auditTrail(first: 1) { pageInfo { hasNextPage } } }' },
  // A source with "|" is refused before anything is written.
  ingest: { query: INGEST, variables: () => ({ batch: { source: `${uniqueSource('policy')}|x` } }) },
  // A negative resolution is refused before a detection starts.
  detectRings: { query: 'mutation { detectRings(options: {resolution: -1}) { id } }' },
  setRingStatus: { query: 'mutation { setRingStatus(id: "ring_none", status: DISMISSED) { id } }' },
  // A dismissal without a reason is refused before anything is written; unknown rings: NOT_FOUND.
  triageRing: { query: 'mutation { triageRing(id: "ring_none", status: DISMISSED) { id } }' },
  assignRing: { query: 'mutation { assignRing(id: "ring_none", assignee: "policy") { id } }' },
  addRingNote: { query: 'mutation { addRingNote(id: "ring_none", text: "policy") { id } }' },
  // A minScore out of range is refused before any candidate is computed.
  duplicateCandidates: { query: '{ duplicateCandidates(minScore: 2) { totalCount } }' },
  // Unknown entities: NOT_FOUND, nothing written.
  mergeEntities: { query: 'mutation { mergeEntities(keep: "per_none", merge: "per_none2", reason: "policy") { id } }' },
  unmergeEntity: { query: 'mutation { unmergeEntity(id: "per_none") { id } }' },
  alerts: { query: '{ alerts(first: 1) { totalCount } }' },
  alert: { query: '{ alert(id: "alr_none") { id } }' },
  watches: { query: '{ watches { id } }' },
  // An unknown entity is refused before a watch is written.
  watch: { query: 'mutation { watch(input: {entityId: "per_none"}) { id } }' },
  unwatch: { query: 'mutation { unwatch(id: "wat_none") }' },
  updateAlert: { query: 'mutation { updateAlert(id: "alr_none", status: CLOSED) { id } }' },
  webhooks: { query: '{ webhooks { agency } }' },
  webhookDeadLetters: { query: '{ webhookDeadLetters(first: 1) { id } }' },
  // A URL that is not one is refused before anything is written.
  registerWebhook: { query: 'mutation { registerWebhook(input: {agency: "policy", url: "not a url"}) { secret } }' },
  removeWebhook: { query: 'mutation { removeWebhook(agency: "policy-none") }' },
  checkpoints: { query: '{ checkpoints { id } }' },
  timeline: { query: '{ timeline(ids: ["per_none"]) { truncated } }' },
  savedCharts: { query: '{ savedCharts(first: 1) { id } }' },
  savedChart: { query: '{ savedChart(id: "sch_none") { id } }' },
  // Unknown charts: NOT_FOUND, nothing written.
  exportSavedChart: { query: '{ exportSavedChart(id: "sch_none") { filename } }' },
  shareChart: { query: 'mutation { shareChart(id: "sch_none", sharing: {users: ["x"]}) { id } }' },
  deleteSavedChart: { query: 'mutation { deleteSavedChart(id: "sch_none") }' },
  // An empty name and no entities are refused before anything is written; a file that is not JSON too.
  saveChart: {
    query: 'mutation { saveChart(input: {name: "", seeds: [], entities: []}) { id } }',
  },
  importSavedChart: { query: 'mutation { importSavedChart(content: "not json") { id } }' },
};

let service: RunningService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service?.close();
});

describe('authorisation as the contract states it', () => {
  it('covers every root field of the schema', () => {
    const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
    const fields = [schema.getQueryType(), schema.getMutationType()].flatMap((t) => Object.keys(t?.getFields() ?? {}));
    expect(fields.filter((f) => !OPERATIONS[f] || !CONTRACT[f])).toEqual([]);
  });

  it('allows every (roles, operation) pair exactly as the contract says, through the HTTP endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...ROLES], { minLength: 1 }),
        fc.constantFrom(...Object.keys(OPERATIONS)),
        async (roles: Role[], field) => {
          const op = OPERATIONS[field]!;
          const result = await graphql(service.url, op.query, op.variables?.() ?? {}, await asRole(roles));
          const codes = (result.errors ?? []).map((e) => e.extensions?.code);
          const allowed = roles.some((role) => CONTRACT[field]!.includes(role));
          if (allowed) expect(codes, `${roles} ${field}: ${JSON.stringify(result.errors)}`).not.toContain('FORBIDDEN');
          else {
            expect(codes, `${roles} ${field}`).toEqual(['FORBIDDEN']);
            expect(result.data ?? null).toBeNull();
          }
        },
      ),
      { numRuns: 120, seed: 20260730 },
    );
  });

  it('refuses a whole operation when one of its fields is not allowed', async () => {
    const result = await graphql(
      service.url,
      '{ node(id: "x") { id } auditTrail { pageInfo { hasNextPage } } }',
      {},
      await asRole(['analyst']),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data ?? null).toBeNull();
  });

  it('refuses a read of personal data without X-Purpose, and says so', async () => {
    const result = await graphql(
      service.url,
      '{ node(id: "x") { id } }',
      {},
      { ...(await asRole(['analyst'])), 'x-purpose': '' },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
  });

  it('lets authenticated callers introspect in development', async () => {
    const result = await graphql<{ __schema: { queryType: { name: string } } }>(
      service.url,
      '{ __schema { queryType { name } } }',
      {},
      await asRole(['ingest']),
    );
    expect(result.data?.__schema.queryType.name).toBe('Query');
  });
});
