// The shape of `IngestBatchInput` in shared/api-contract.graphql, written out here so the generator does
// not depend on the service's generated resolver types (seed/ must run on its own, e.g. against a remote service).

export type EntityKind = 'PERSON' | 'PHONE' | 'BROKER' | 'BORDER_CROSSING' | 'CASE' | 'CHECKPOINT';
export type Sex = 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';
export type BrokerKind = 'LICENSED_AGENCY' | 'INDIVIDUAL' | 'UNLICENSED';
export type LicenseStatus = 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'NONE';
export type CrossingDirection = 'EXIT' | 'ENTRY';
export type CaseStatus = 'REPORTED' | 'UNDER_INVESTIGATION' | 'PROSECUTED' | 'CLOSED';
export type CaseRole = 'SUSPECT' | 'VICTIM' | 'SUSPECTED_VICTIM' | 'WITNESS' | 'REPORTER';
export type LinkType = 'USES_PHONE' | 'CALLED' | 'RECRUITED_BY' | 'KNOWS' | 'RELATIVE_OF' | 'INVOLVED_IN' | 'OPERATES';

export interface EntityRefInput {
  kind: EntityKind;
  externalId: string;
  source?: string;
}

export interface PersonInput {
  externalId: string;
  fullName: string;
  dateOfBirth?: string;
  sex?: Sex;
  nationality?: string;
  documentNumbers?: string[];
  province?: string;
}

export interface PhoneInput {
  number: string;
  defaultCountry?: string;
}

export interface BrokerInput {
  externalId: string;
  name: string;
  kind: BrokerKind;
  licenseNumber?: string;
  licenseStatus?: LicenseStatus;
}

export interface BorderCrossingInput {
  externalId: string;
  person: EntityRefInput;
  checkpoint: string;
  direction: CrossingDirection;
  at: string;
  country: string;
  vehiclePlate?: string;
}

export interface CaseInput {
  externalId: string;
  title: string;
  status: CaseStatus;
  openedAt: string;
  caseNumber?: string;
}

export interface LinkInput {
  type: LinkType;
  from: EntityRefInput;
  to: EntityRefInput;
  role?: CaseRole;
  at?: string;
  count?: number;
}

export interface IngestBatchInput {
  source: string;
  idempotencyKey?: string;
  people?: PersonInput[];
  phones?: PhoneInput[];
  brokers?: BrokerInput[];
  crossings?: BorderCrossingInput[];
  cases?: CaseInput[];
  links?: LinkInput[];
}

/** The record sections of a batch, in the order the contract lists them. */
export const batchSections = ['people', 'phones', 'brokers', 'crossings', 'cases', 'links'] as const;
export type BatchSection = (typeof batchSections)[number];

export function countBatchRecords(batch: IngestBatchInput): number {
  let total = 0;
  for (const section of batchSections) total += batch[section]?.length ?? 0;
  return total;
}
