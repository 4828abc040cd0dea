import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../src/app/start-service.ts';
import type { Role } from '../../src/auth/roles.ts';
import { signToken } from '../../src/auth/sign-token.ts';
import type { Database } from '../../src/db/database.ts';
import { connectTestDatabase, uniqueSource } from '../support/database.ts';
import { INGEST, TEST_JWT_SECRET, graphql, startTestService, testToken } from '../support/service.ts';

interface IngestAnswer {
  ingest: { accepted: number; rejected: number; replayed: boolean } | null;
}

// Agencies of this file only, so that other tests sharing the database never meet them.
const borderGuard = uniqueSource('border-guard');
const police = uniqueSource('police');
/** A source of the police that does not carry the agency's name: mapped by SOURCE_AGENCIES. */
const policeHcm = uniqueSource('police-hcm');

let service: RunningService;
let db: Database;

beforeAll(async () => {
  service = await startTestService({ SOURCE_AGENCIES: `${policeHcm}:${police}` });
  db = await connectTestDatabase();
});
afterAll(async () => {
  await service?.close();
  await db?.close();
});

/** A token of the given agency's system; sub is unique so the audit records of one test can be read back. */
async function tokenOf(agency: string | undefined, roles: Role[] = ['ingest']) {
  const sub = `feed-${randomUUID().slice(0, 8)}`;
  const token = await signAs(sub, roles, agency);
  return { sub, headers: { authorization: `Bearer ${token}`, 'x-purpose': '' } };
}

function signAs(sub: string, roles: Role[], agency: string | undefined): Promise<string> {
  // testToken fills in an agency when none is given; a token without one is signed directly.
  if (agency !== undefined) return testToken({ sub, roles, agency, clearance: [] });
  return signToken(TEST_JWT_SECRET, { sub, roles, hours: 1 });
}

/** A girl of 14 in the border guard's records: protected as a child. */
const childRecord = (source: string, dateOfBirth: string, idempotencyKey?: string) => ({
  source,
  ...(idempotencyKey ? { idempotencyKey } : {}),
  people: [{ externalId: 'bg-7731', fullName: 'Vàng Thị Mỷ', dateOfBirth, documentNumbers: ['079312004455'] }],
});

async function birthDateOf(source: string, externalId: string): Promise<string | null> {
  const rows = await db.runText<{ dateOfBirth: string | null }>(
    `MATCH (:SourceRecord {source: $source, externalId: $externalId})-[:RECORDS]->(p:Person)
     RETURN p.dateOfBirth AS dateOfBirth`,
    { source, externalId },
  );
  return rows[0]?.dateOfBirth ?? null;
}

async function auditOf(actor: string) {
  return db.runText<{ outcome: string; reason: string | null; roles: string[]; agency: string | null }>(
    `MATCH (a:AuditEvent {actor: $actor})
     RETURN a.outcome AS outcome, a.reason AS reason, a.roles AS roles, a.agency AS agency ORDER BY a.seq`,
    { actor },
  );
}

describe('each source belongs to one agency', () => {
  it("refuses another agency's source whole, writes nothing and audits the refusal", async () => {
    const own = await tokenOf(borderGuard);
    const written = await graphql<IngestAnswer>(
      service.url,
      INGEST,
      { batch: childRecord(borderGuard, '2012-03-09') },
      own.headers,
    );
    expect(written.errors).toBeUndefined();
    expect(written.data!.ingest).toMatchObject({ accepted: 1, rejected: 0 });

    // The police's system rewrites her birth date so that she is no longer a child.
    const other = await tokenOf(police);
    const refused = await graphql<IngestAnswer>(
      service.url,
      INGEST,
      { batch: childRecord(borderGuard, '1990-03-09') },
      other.headers,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain(`belongs to agency ${borderGuard}`);
    expect(refused.data?.ingest ?? null).toBeNull();
    expect(await birthDateOf(borderGuard, 'bg-7731')).toBe('2012-03-09');
    expect(await auditOf(other.sub)).toEqual([
      { outcome: 'DENIED', reason: 'FORBIDDEN', roles: ['ingest'], agency: police },
    ]);
  });

  it("does not answer another agency's idempotency key with its report", async () => {
    const key = `key-${randomUUID()}`;
    const own = await tokenOf(borderGuard);
    await graphql(service.url, INGEST, { batch: childRecord(borderGuard, '2012-03-09', key) }, own.headers);
    const other = await tokenOf(police);
    const replay = await graphql<IngestAnswer>(
      service.url,
      INGEST,
      { batch: childRecord(borderGuard, '2012-03-09', key) },
      other.headers,
    );
    expect(replay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(replay.data?.ingest ?? null).toBeNull();
  });

  it('lets an agency write the sources SOURCE_AGENCIES gives it, and no one else', async () => {
    const policeFeed = await tokenOf(police);
    const mapped = await graphql<IngestAnswer>(
      service.url,
      INGEST,
      { batch: childRecord(policeHcm, '2012-03-09') },
      policeFeed.headers,
    );
    expect(mapped.errors).toBeUndefined();
    expect(mapped.data!.ingest?.accepted).toBe(1);

    // The source's own name is no claim to it once it is mapped to another agency.
    const namesake = await tokenOf(policeHcm);
    const refused = await graphql<IngestAnswer>(
      service.url,
      INGEST,
      { batch: childRecord(policeHcm, '1990-03-09') },
      namesake.headers,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await birthDateOf(policeHcm, 'bg-7731')).toBe('2012-03-09');
  });

  it('refuses an ingest token that names no agency', async () => {
    const anonymous = await tokenOf(undefined);
    const source = uniqueSource('nobody');
    const refused = await graphql<IngestAnswer>(
      service.url,
      INGEST,
      { batch: childRecord(source, '2012-03-09') },
      anonymous.headers,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await birthDateOf(source, 'bg-7731')).toBeNull();
  });

  it("lets an admin write any agency's source, and audits it", async () => {
    const admin = await tokenOf(police, ['admin']);
    const source = uniqueSource('border-guard');
    const written = await graphql<IngestAnswer>(
      service.url,
      INGEST,
      { batch: childRecord(source, '2012-03-09') },
      admin.headers,
    );
    expect(written.errors).toBeUndefined();
    expect(written.data!.ingest?.accepted).toBe(1);
    expect(await auditOf(admin.sub)).toEqual([{ outcome: 'ALLOWED', reason: null, roles: ['admin'], agency: police }]);
  });

  it('checks the trimmed source, as records are keyed by it', async () => {
    const other = await tokenOf(police);
    const refused = await graphql<IngestAnswer>(
      service.url,
      INGEST,
      { batch: childRecord(`  ${borderGuard} `, '1990-03-09') },
      other.headers,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await birthDateOf(borderGuard, 'bg-7731')).toBe('2012-03-09');
  });
});
