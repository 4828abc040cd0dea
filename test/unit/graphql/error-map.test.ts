import { describe, expect, it } from 'vitest';
import { AlertNotFoundError, InvalidAlertUpdateError } from '../../../src/alerts/alert-service.ts';
import { InvalidWebhookError } from '../../../src/alerts/webhooks/webhook-registry.ts';
import { DatabaseAuthError, DatabaseTimeoutError, DatabaseUnavailableError } from '../../../src/db/errors.ts';
import { BatchTooLargeError, InvalidBatchError } from '../../../src/ingest/ingest-batch.ts';
import { InvalidChartRequestError, UnknownEntitiesError } from '../../../src/linkchart/chart-types.ts';
import { WorkBudgetExceededError } from '../../../src/linkchart/work-budget.ts';
import { InvalidResolutionOptionsError } from '../../../src/resolution/core/index.ts';
import { InvalidMergeError, ResolutionNotFoundError } from '../../../src/resolution/errors.ts';
import { InvalidDetectionOptionsError, InvalidProjectionError } from '../../../src/rings/core/index.ts';
import { DetectionInProgressError, RingNotFoundError } from '../../../src/rings/ring-detection-service.ts';
import { InvalidTriageError } from '../../../src/rings/triage/triage-errors.ts';
import { InvalidSearchError } from '../../../src/search/search-entities.ts';
import { inProcessYoga, type StubServices } from './in-process-yoga.ts';

const run = {
  id: 'run_1',
  startedAt: '2026-06-30T00:00:00Z',
  finishedAt: null,
  ringCount: 0,
  communityCount: 0,
  modularity: null,
  parameters: '{}',
  timings: null,
  graphStats: '{}',
};

const fails = (error: unknown) => async () => {
  throw error;
};

interface CodeCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  services: StubServices;
  code: string;
  extensions?: Record<string, unknown>;
}

const LINK_CHART = '{ linkChart(seeds: ["per_1"]) { __typename } }';
const MERGE = 'mutation { mergeEntities(keep: "per_1", merge: "per_2", reason: "same passport") { __typename } }';
const INGEST = 'mutation ($batch: IngestBatchInput!) { ingest(batch: $batch) { __typename } }';
const DETECT = 'mutation { detectRings { id } }';

const cases: CodeCase[] = [
  {
    name: 'a refused chart request',
    query: LINK_CHART,
    services: { linkCharts: { chart: fails(new InvalidChartRequestError('depth must be between 0 and 4')) } },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'unknown seeds, with their ids',
    query: LINK_CHART,
    services: { linkCharts: { chart: fails(new UnknownEntitiesError(['per_1'])) } },
    code: 'NOT_FOUND',
    extensions: { ids: ['per_1'] },
  },
  {
    name: 'a refused chart request under a ring',
    query: '{ ring(id: "ring_1") { linkChart { __typename } } }',
    services: {
      rings: {
        ring: async () => ({ ring: { id: 'ring_1' }, members: [{ entityId: 'per_1', role: 'VICTIM' }] }),
        rings: async () =>
          new Map([['ring_1', { ring: { id: 'ring_1' }, members: [{ entityId: 'per_1', role: 'VICTIM' }] }]]),
      },
      linkCharts: { chart: fails(new InvalidChartRequestError('maxNodes must be at most 2000')) },
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a refused search',
    query: '{ search(text: "") { __typename } }',
    services: { linkCharts: { search: fails(new InvalidSearchError('text is empty')) } },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a second detection, refused synchronously',
    query: DETECT,
    services: {
      rings: {
        detect: () => {
          throw new DetectionInProgressError();
        },
      },
    },
    code: 'DETECTION_IN_PROGRESS',
  },
  {
    name: 'a second detection, refused as a rejected promise',
    query: DETECT,
    services: { rings: { detect: fails(new DetectionInProgressError()) } },
    code: 'DETECTION_IN_PROGRESS',
  },
  {
    name: 'bad detection options',
    query: DETECT,
    services: { rings: { detect: fails(new InvalidDetectionOptionsError(['resolution must be positive'])) } },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'the status of an unknown ring',
    query: 'mutation { setRingStatus(id: "ring_9", status: CONFIRMED) { __typename } }',
    services: { rings: { setStatus: fails(new RingNotFoundError('no ring with id ring_9')) } },
    code: 'NOT_FOUND',
  },
  {
    name: 'a verdict on an unknown ring',
    query: 'mutation { triageRing(id: "ring_9", status: DISMISSED, reason: DATA_ERROR) { __typename } }',
    services: { ringTriage: { triage: fails(new RingNotFoundError('no ring with id ring_9')) } },
    code: 'NOT_FOUND',
  },
  {
    name: 'a dismissal without a reason',
    query: 'mutation { triageRing(id: "ring_9", status: DISMISSED) { __typename } }',
    services: { ringTriage: { triage: fails(new InvalidTriageError('dismissed needs a reason')) } },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a note on an unknown ring',
    query: 'mutation { addRingNote(id: "ring_9", text: "seen") { id } }',
    services: { ringTriage: { addNote: fails(new RingNotFoundError('no ring with id ring_9')) } },
    code: 'NOT_FOUND',
  },
  {
    name: 'a batch over the ceiling, with its size',
    query: INGEST,
    variables: { batch: { source: 'police' } },
    services: { ingest: { ingest: fails(new BatchTooLargeError(60_000)) } },
    code: 'BATCH_TOO_LARGE',
    extensions: { records: 60_000 },
  },
  {
    name: 'a batch refused whole',
    query: INGEST,
    variables: { batch: { source: ' ' } },
    services: { ingest: { ingest: fails(new InvalidBatchError('source is empty')) } },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a merge of an unknown person',
    query: MERGE,
    services: { resolution: { merge: fails(new ResolutionNotFoundError('no person per_2')) } },
    code: 'NOT_FOUND',
  },
  {
    name: 'a merge that cannot be done',
    query: MERGE,
    services: { resolution: { merge: fails(new InvalidMergeError('a person cannot be merged into itself')) } },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'bad resolution options',
    query: '{ duplicateCandidates { totalCount } }',
    services: {
      resolution: { candidates: fails(new InvalidResolutionOptionsError('minScore must be between 0 and 1')) },
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: "a chart past the request's work budget",
    query: '{ linkChart(seeds: ["per_1"]) { nodes { id } } }',
    services: {
      linkCharts: { chart: fails(new WorkBudgetExceededError('over the budget', 'REQUEST_BUDGET', null)) },
    },
    code: 'WORK_BUDGET_EXCEEDED',
  },
  {
    name: "a chart past the caller's share of work, with when to retry",
    query: '{ linkChart(seeds: ["per_1"]) { nodes { id } } }',
    services: { linkCharts: { chart: fails(new WorkBudgetExceededError('over the share', 'CALLER_RATE', 3)) } },
    code: 'RATE_LIMITED',
    extensions: { retryAfter: 3 },
  },
  {
    name: 'triage of an unknown alert',
    query: 'mutation { updateAlert(id: "alr_9", status: CLOSED) { id } }',
    services: { alerts: { update: fails(new AlertNotFoundError('no alert alr_9')) } },
    code: 'NOT_FOUND',
  },
  {
    name: 'triage that goes backwards',
    query: 'mutation { updateAlert(id: "alr_1", status: OPEN) { id } }',
    services: { alerts: { update: fails(new InvalidAlertUpdateError('an alert cannot go back to OPEN')) } },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a webhook with a bad address',
    query: 'mutation { registerWebhook(input: { agency: "police", url: "ftp://x" }) { secret } }',
    services: { webhooks: { register: fails(new InvalidWebhookError('the url must be https')) } },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a database that is down',
    query: '{ node(id: "per_1") { id } }',
    services: { entities: { byId: fails(new DatabaseUnavailableError()) } },
    code: 'DATABASE_UNAVAILABLE',
  },
  {
    name: 'a database that refuses the service',
    query: '{ node(id: "per_1") { id } }',
    services: { entities: { byId: fails(new DatabaseAuthError()) } },
    code: 'DATABASE_UNAVAILABLE',
  },
  {
    name: 'a database that answers too late',
    query: '{ node(id: "per_1") { id } }',
    services: { entities: { byId: fails(new DatabaseTimeoutError()) } },
    code: 'DATABASE_TIMEOUT',
  },
];

describe('the error map, through the GraphQL layer', () => {
  it.each(cases)('$name: $code', async ({ query, variables, services, code, extensions }) => {
    const { request } = inProcessYoga({ services });
    const { body, codes } = await request({ query, ...(variables ? { variables } : {}) });
    expect(codes).toEqual([code]);
    if (extensions) expect(body.errors?.[0]?.extensions).toMatchObject(extensions);
    expect(body.errors?.[0]?.message).not.toBe('Unexpected error.');
  });

  it('records the code a refused operation answered with in its audit record', async () => {
    const { request, audit } = inProcessYoga({
      services: {
        rings: {
          detect: () => {
            throw new DetectionInProgressError();
          },
        },
        entities: { byId: fails(new DatabaseUnavailableError()) },
      },
    });
    await request({ query: DETECT });
    await request({ query: '{ node(id: "per_1") { id } }' });
    expect(audit.map((entry) => [entry.outcome, entry.reason])).toEqual([
      ['FAILED', 'DETECTION_IN_PROGRESS'],
      ['FAILED', 'DATABASE_UNAVAILABLE'],
    ]);
  });

  it('answers UNAUTHENTICATED with 401 to a request without a token, FORBIDDEN to a role outside the table, PURPOSE_REQUIRED to a read of personal data without X-Purpose', async () => {
    const { request } = inProcessYoga();
    const anonymous = await request({ query: '{ node(id: "per_1") { id } }', token: null });
    expect([anonymous.status, anonymous.codes]).toEqual([401, ['UNAUTHENTICATED']]);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect((await request({ query: '{ node(id: "per_1") { id } }', roles: ['ingest'] })).codes).toEqual(['FORBIDDEN']);
    expect((await request({ query: '{ node(id: "per_1") { id } }', purpose: null })).codes).toEqual([
      'PURPOSE_REQUIRED',
    ]);
  });

  it('answers RATE_LIMITED with 429 and Retry-After past a token’s burst', async () => {
    const { request } = inProcessYoga({
      rateLimit: { perSecond: 0.01, burst: 1 },
      services: { rings: { latestRun: async () => run } },
    });
    expect((await request({ query: '{ latestDetectionRun { id } }' })).codes).toEqual([]);
    const limited = await request({ query: '{ latestDetectionRun { id } }' });
    expect([limited.status, limited.codes]).toEqual([429, ['RATE_LIMITED']]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('withholds a result as AUDIT_UNAVAILABLE when its audit record cannot be written', async () => {
    const { request } = inProcessYoga({
      services: { rings: { latestRun: async () => run }, audit: { append: fails(new Error('the trail is down')) } },
    });
    const { body, codes } = await request({ query: '{ latestDetectionRun { id } }' });
    expect(codes).toEqual(['AUDIT_UNAVAILABLE']);
    expect(body.data ?? null).toBeNull();
  });
});

describe('masking', () => {
  it.each([
    ['a plain error', new Error('Neo.ClientError.Statement.SyntaxError near MATCH (p:Person {fullName: "Nguyễn"})')],
    ['a capability error without a code', new InvalidProjectionError(['edge row 7 points outside the node table'])],
    ['a type error', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('hides %s behind "Unexpected error." and logs it', async (_, error) => {
    const { request, logged } = inProcessYoga({ services: { rings: { latestRun: fails(error) } } });
    const { body } = await request({ query: '{ latestDetectionRun { id } }' });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(body)).not.toContain(error.message.slice(0, 20));
    expect(body.errors?.[0]?.extensions?.['code']).not.toMatch(/BAD_USER_INPUT|NOT_FOUND/);
    expect(logged).toContainEqual({ err: error });
  });
});
