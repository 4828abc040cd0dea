import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEvent } from '../../../src/audit/audit-event.ts';

const event = {
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
  outcome: 'ALLOWED' as const,
  reason: null,
  prevHash: GENESIS_HASH,
};

describe('the audit hash', () => {
  it('changes with any field', () => {
    const hash = hashEvent(event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent({ ...event })).toBe(hash);
    for (const change of [
      { actor: 'bob' },
      { entityIds: [] },
      { purpose: null },
      { seq: 2 },
      { prevHash: '1'.repeat(64) },
    ]) {
      expect(hashEvent({ ...event, ...change })).not.toBe(hash);
    }
  });
});
