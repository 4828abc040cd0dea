import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { uniqueSource } from '../../support/database.ts';
import { INGEST, TEST_JWT_SECRET, graphqlWithStatus } from '../../support/service.ts';
import { serviceAndDatabase } from '../../support/service-and-database.ts';

const running = serviceAndDatabase();

const key = new TextEncoder().encode(TEST_JWT_SECRET);
const sign = (claims: Record<string, unknown>, exp: string | number = '1h', secret = key) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setExpirationTime(exp).sign(secret);

const badTokens: [string, () => Promise<string | null>][] = [
  ['no token', async () => null],
  ['expired', async () => `Bearer ${await sign({ roles: ['admin'] }, Math.floor(Date.now() / 1000) - 120)}`],
  [
    'forged signature',
    async () => `Bearer ${await sign({ roles: ['admin'] }, '1h', new TextEncoder().encode('f'.repeat(48)))}`,
  ],
  [
    'alg none',
    async () =>
      `Bearer ${new UnsecuredJWT({ roles: ['admin'] }).setSubject('mallory').setExpirationTime('1h').encode()}`,
  ],
  ['malformed', async () => 'Bearer eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln'],
  ['not a JWT at all', async () => 'Bearer hello'],
  ['missing roles', async () => `Bearer ${await sign({ agency: 'police' })}`],
  ['unknown role', async () => `Bearer ${await sign({ roles: ['root'] })}`],
];

/** What a refused request could have left: records of its batch, audit records of its caller. */
async function traces(source: string) {
  const [row] = await running.db.runText<{ audit: number; records: number }>(
    `CALL () { MATCH (a:AuditEvent {actor: 'mallory'}) RETURN count(a) AS audit }
     CALL () { MATCH (s:SourceRecord {source: $source}) RETURN count(s) AS records }
     RETURN audit, records`,
    { source },
  );
  return row!;
}

describe('bad tokens', () => {
  it.each(badTokens)('%s: UNAUTHENTICATED with HTTP 401, and nothing is written', async (_, header) => {
    const source = uniqueSource('badtoken');
    const authorization = await header();
    const { status, body } = await graphqlWithStatus(
      running.service.url,
      INGEST,
      { batch: { source, people: [{ externalId: 'p1', fullName: 'Should Not Exist' }] } },
      // '' leaves the header out: no token at all.
      { authorization: authorization ?? '', 'x-purpose': 'test' },
    );
    expect(status).toBe(401);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Refused tokens are not audited (README, Security): there is no verified caller to attribute them to.
    expect(await traces(source)).toEqual({ audit: 0, records: 0 });
  });
});
