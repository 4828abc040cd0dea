import type { BrokerFacts } from './types.ts';

/**
 * How much a broker's recruitment says about a ring. Labour export from Vietnam is legal only through
 * licensed enterprises, so a broker with no licence (UNLICENSED kind, or status NONE) or a revoked one
 * is illicit; an agency with an active licence recruits thousands lawfully.
 */
export type BrokerStanding = 'licensed-agency' | 'illicit' | 'other';

export function brokerStanding(broker: BrokerFacts): BrokerStanding {
  if (broker.brokerKind === 'UNLICENSED' || broker.licenseStatus === 'REVOKED' || broker.licenseStatus === 'NONE') {
    return 'illicit';
  }
  if (broker.brokerKind === 'LICENSED_AGENCY' && broker.licenseStatus === 'ACTIVE') return 'licensed-agency';
  return 'other';
}

export function describeBrokerStanding(broker: BrokerFacts): string {
  if (broker.licenseStatus === 'REVOKED') return 'broker with a revoked licence';
  if (broker.brokerKind === 'UNLICENSED' || broker.licenseStatus === 'NONE') return 'unlicensed broker';
  if (broker.licenseStatus === 'SUSPENDED') return 'broker with a suspended licence';
  return 'licensed broker';
}
