import type { CaseRole, EntityKind } from '../entities/entity-records.ts';

/** The contract's IngestBatchInput as it arrives (strings not yet checked). */
export interface EntityRefInput {
  kind: EntityKind;
  externalId: string;
  source?: string | null;
}

export interface IngestBatchInput {
  source: string;
  idempotencyKey?: string | null;
  people?: readonly PersonInput[] | null;
  phones?: readonly PhoneInput[] | null;
  brokers?: readonly BrokerInput[] | null;
  crossings?: readonly CrossingInput[] | null;
  cases?: readonly CaseInput[] | null;
  links?: readonly LinkInput[] | null;
}

export interface PersonInput {
  externalId: string;
  fullName: string;
  dateOfBirth?: string | null;
  sex?: string | null;
  nationality?: string | null;
  documentNumbers?: readonly string[] | null;
  province?: string | null;
}

export interface PhoneInput {
  number: string;
  defaultCountry?: string | null;
}

export interface BrokerInput {
  externalId: string;
  name: string;
  kind: string;
  licenseNumber?: string | null;
  licenseStatus?: string | null;
}

export interface CrossingInput {
  externalId: string;
  person: EntityRefInput;
  checkpoint: string;
  direction: string;
  at: string;
  country: string;
  vehiclePlate?: string | null;
}

export interface CaseInput {
  externalId: string;
  title: string;
  status: string;
  openedAt: string;
  caseNumber?: string | null;
}

export interface LinkInput {
  type: string;
  from: EntityRefInput;
  to: EntityRefInput;
  role?: CaseRole | null;
  at?: string | null;
  count?: number | null;
}

export type Section = 'people' | 'phones' | 'brokers' | 'crossings' | 'cases' | 'links';

export interface RecordError {
  section: Section;
  index: number;
  code: string;
  message: string;
}

export interface IngestReport {
  accepted: number;
  rejected: number;
  errors: RecordError[];
  replayed: boolean;
}
