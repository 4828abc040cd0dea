import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import { asRole, startTestService } from '../../support/service.ts';

let service: RunningService;
let headers: Record<string, string>;

beforeAll(async () => {
  service = await startTestService();
  headers = await asRole(['investigator'], { sub: 'graphql-over-http-audit' });
});
afterAll(() => service?.close());

/** The audits' requests as a client of this service sends them: with a token and a purpose, nothing else added. */
const withToken: typeof fetch = (input, init = {}) => {
  const merged = new Headers(init.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return fetch(input, { ...init, headers: merged });
};

describe('the GraphQL-over-HTTP audit suite (graphql-http)', () => {
  it('passes every MUST and SHOULD; only GET requests, refused by the CSRF prevention, stay notices', async () => {
    const audits = serverAudits({ url: `${service.url}/graphql`, fetchFn: withToken });
    const results = [];
    for (const audit of audits) results.push(await audit.fn());
    const failed = results.flatMap((result) =>
      result.status === 'ok' ? [] : [{ name: result.name, status: result.status, reason: result.reason }],
    );
    expect(failed.filter((failure) => !failure.name.startsWith('MAY'))).toEqual([]);
    // A GET query needs the x-graphql-yoga-csrf header, which a page elsewhere cannot make a browser send.
    for (const notice of failed) expect(notice.name, notice.reason).toMatch(/GET/);
    expect(results.filter((result) => result.status === 'ok').length).toBeGreaterThan(30);
  });
});
