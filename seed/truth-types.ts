// The ground truth written beside the batches, one JSON object per line (NDJSON), so that even the bench
// scenario's truth is written and read incrementally.

import type { BrokerKind, LicenseStatus } from './ingest-types.ts';

export interface SourceRef {
  source: string;
  externalId: string;
}

export type RingShape = 'LABOUR_EXPORT_SCAM' | 'CHILD_TRAFFICKING_CN' | 'BRIDES_TO_CN' | 'SCAM_COMPOUND_YOUTHS';
export type RingRole = 'organiser' | 'recruiter' | 'escort' | 'victim';

/** First line: what was generated, so a truth file explains itself. */
export interface ScenarioTruthRecord {
  type: 'scenario';
  formatVersion: 1;
  preset: string;
  seed: number;
  referenceDate: string;
  options: Record<string, string | number>;
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
  /** Ids of earlier rings that share a member (a shared recruiter). */
  sharesMembersWith: string[];
  members: RingMemberTruth[];
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

export type TruthRecord = ScenarioTruthRecord | RingTruthRecord | IdentityTruthRecord | SummaryTruthRecord;
