// The ground truth written beside the batches, one JSON object per line (NDJSON), so that even the bench
// scenario's truth is written and read incrementally.

import type { BrokerKind, LicenseStatus } from './ingest-types.ts';

export interface SourceRef {
  source: string;
  externalId: string;
}

export type RingShape =
  | 'LABOUR_EXPORT_SCAM'
  | 'CHILD_TRAFFICKING_CN'
  | 'BRIDES_TO_CN'
  | 'SCAM_COMPOUND_YOUTHS'
  | 'ONLINE_SCAM_RECRUITMENT'
  | 'FAMILY_CHILD_TRAFFICKING';

/** Groups planted to look like rings; detection must keep them out of its top candidates. */
export type DecoyKind = 'CONTRACT_WORKERS' | 'FAMILY_SHOP_PHONE' | 'CALL_CENTRE_ROTA' | 'SCHOOL_TRIP' | 'DAY_TRADERS';
export type RingRole = 'organiser' | 'recruiter' | 'escort' | 'victim';

/** First line: what was generated, so a truth file explains itself. */
export interface ScenarioTruthRecord {
  type: 'scenario';
  formatVersion: 1;
  preset: string;
  seed: number;
  referenceDate: string;
  options: Record<string, string | number | boolean>;
}

export interface RingMemberTruth {
  /** The real person behind the records; stable within one scenario, not an id any source uses. */
  person: string;
  role: RingRole;
  /** Age in whole years on the scenario's reference date. */
  age: number;
  /** Every record any source sent for this person; a candidate matches the person through any of them. */
  refs: SourceRef[];
}

export interface RingTruthRecord {
  type: 'ring';
  id: string;
  shape: RingShape;
  /** Countries the victims were taken to (ISO alpha-2). */
  destinations: string[];
  broker?: SourceRef & { kind: BrokerKind; licenseStatus: LicenseStatus };
  /** Police case records tied to the ring, if any. */
  cases: SourceRef[];
  burnerPhones: string[];
  /**
   * Telecom subscriber records of made-up people to whom the ring's burner SIMs are registered (field noise):
   * no real person, so a candidate holding them is neither credited nor penalised for it.
   */
  strawSubscribers?: SourceRef[];
  /** Ids of earlier rings that share a member (a shared recruiter). */
  sharesMembersWith: string[];
  members: RingMemberTruth[];
}

/** A decoy: people whose records look like a ring's in one way, who are no ring. */
export interface DecoyTruthRecord {
  type: 'decoy';
  id: string;
  kind: DecoyKind;
  members: { person: string; refs: SourceRef[] }[];
}

/** A real person known to several sources (or twice to one): these records are the same person. */
export interface IdentityTruthRecord {
  type: 'identity';
  person: string;
  refs: SourceRef[];
}

/** Last line: what was sent. */
export interface SummaryTruthRecord {
  type: 'summary';
  realPeople: number;
  rings: number;
  /** Decoy groups planted (0 without the field shapes). */
  decoys?: number;
  counts: ScenarioCounts;
}

export interface ScenarioCounts {
  people: number;
  phones: number;
  brokers: number;
  crossings: number;
  cases: number;
  links: number;
  batches: number;
}

export type TruthRecord =
  ScenarioTruthRecord | RingTruthRecord | DecoyTruthRecord | IdentityTruthRecord | SummaryTruthRecord;
