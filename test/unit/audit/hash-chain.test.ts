import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEvent, type AuditEvent } from '../../../src/audit/audit-event.ts';

type Hashed = Omit<AuditEvent, 'hash'>;

const event: Hashed = {
  id: 'aud_1',
  seq: 1,
  at: '2026-01-01T00:00:00.000Z',
  actor: 'alice',
  agency: 'police',
  roles: ['analyst'],
  operation: 'query Person',
  rootFields: ['node'],
  entityIds: ['per_1'],
  purpose: 'case 12/2026',
  outcome: 'ALLOWED',
  reason: null,
  prevHash: GENESIS_HASH,
};

/** One other value for every hashed field; the record type makes a new field fail to compile until it is listed. */
const changes: { [K in keyof Hashed]: Hashed[K] } = {
  id: 'aud_2',
  seq: 2,
  at: '2026-01-01T00:00:00.001Z',
  actor: 'bob',
  agency: null,
  roles: ['analyst', 'supervisor'],
  operation: 'query Ring',
  rootFields: ['node', 'ring'],
  entityIds: [],
  purpose: null,
  outcome: 'DENIED',
  reason: 'FORBIDDEN',
  prevHash: '1'.repeat(64),
};

describe('the audit hash', () => {
  it('is a SHA-256 that the same record always gives', () => {
    const hash = hashEvent(event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent({ ...event, roles: [...event.roles] })).toBe(hash);
  });

  it.each(Object.keys(changes) as (keyof Hashed)[])('changes with %s', (field) => {
    expect(hashEvent({ ...event, [field]: changes[field] })).not.toBe(hashEvent(event));
  });

  it('covers every field of a stored record but the hash itself', () => {
    const stored: AuditEvent = { ...event, hash: hashEvent(event) };
    expect(Object.keys(changes).sort()).toEqual(
      Object.keys(stored)
        .filter((key) => key !== 'hash')
        .sort(),
    );
  });

  it('tells apart values moved from one field to the next', () => {
    // A hash over concatenated text would take actor "al" + agency "icepolice" for "alice" + "police".
    expect(hashEvent({ ...event, actor: 'al', agency: 'icepolice' })).not.toBe(hashEvent(event));
    expect(hashEvent({ ...event, rootFields: ['node', 'per_1'], entityIds: [] })).not.toBe(
      hashEvent({ ...event, rootFields: ['node'], entityIds: ['per_1'] }),
    );
  });
});
