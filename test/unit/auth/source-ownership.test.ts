import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/auth/roles.ts';
import { SourceOwnership } from '../../../src/auth/source-ownership.ts';

const ownership = new SourceOwnership(
  new Map([
    ['police-hcm', 'police'],
    ['telecom-vn', 'telecom'],
    ['police', 'border-guard'],
  ]),
);
const caller = (agency: string | null, ...roles: Role[]) => ({ agency, roles });

describe('SourceOwnership', () => {
  it.each([
    { source: 'border-guard', agency: 'border-guard' },
    { source: 'police-hcm', agency: 'police' },
    { source: 'telecom-vn', agency: 'telecom' },
    { source: 'police', agency: 'border-guard' },
    { source: 'Border-Guard', agency: 'Border-Guard' },
  ])('$source belongs to $agency', ({ source, agency }) => {
    expect(ownership.agencyOf(source)).toBe(agency);
  });

  it.each([
    {
      rule: 'the agency of the same name',
      who: caller('border-guard', 'ingest'),
      source: 'border-guard',
      allowed: true,
    },
    { rule: 'a mapped source of its agency', who: caller('police', 'ingest'), source: 'police-hcm', allowed: true },
    { rule: 'another agency', who: caller('police', 'ingest'), source: 'border-guard', allowed: false },
    { rule: 'a name mapped away', who: caller('police', 'ingest'), source: 'police', allowed: false },
    { rule: 'another spelling', who: caller('border-guard', 'ingest'), source: 'Border-Guard', allowed: false },
    { rule: 'a token without agency', who: caller(null, 'ingest'), source: 'police', allowed: false },
    { rule: 'another role', who: caller('police', 'ingest', 'analyst'), source: 'telecom-vn', allowed: false },
    { rule: 'an admin, any source', who: caller('police', 'admin'), source: 'telecom-vn', allowed: true },
    { rule: 'an admin without agency', who: caller(null, 'admin'), source: 'telecom-vn', allowed: true },
  ])('$rule: allowed $allowed', ({ who, source, allowed }) => {
    expect(ownership.decide(who, source).allowed).toBe(allowed);
  });

  it('tells an admin when it writes another agency source, and names the owner in a refusal', () => {
    expect(ownership.decide(caller('police', 'admin'), 'telecom-vn')).toEqual({ allowed: true, asAdmin: true });
    expect(ownership.decide(caller('police', 'admin'), 'police-hcm')).toEqual({ allowed: true, asAdmin: false });
    expect(ownership.decide(caller('police', 'ingest'), 'border-guard')).toEqual({
      allowed: false,
      reason: 'source "border-guard" belongs to agency border-guard; this token writes for agency police',
    });
  });
});
