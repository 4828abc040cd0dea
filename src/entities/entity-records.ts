/** The domain records that capabilities return and GraphQL resolvers map; plain data, no driver types. */

import type { CaseRole, EntityKind } from './vocabulary.ts';

export type { CaseRole, EntityKind };

export interface SourceRef {
  source: string;
  externalId: string;
  firstSeen: string | null;
  lastSeen: string | null;
}

interface BaseRecord {
  id: string;
  sources: SourceRef[];
}

export interface PersonRecord extends BaseRecord {
  kind: 'PERSON';
  fullName: string;
  dateOfBirth: string | null;
  sex: 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN' | null;
  nationality: string | null;
  documentNumbers: string[];
  province: string | null;
}

export interface PhoneRecord extends BaseRecord {
  kind: 'PHONE';
  e164: string;
}

export interface BrokerRecord extends BaseRecord {
  kind: 'BROKER';
  name: string;
  brokerKind: 'LICENSED_AGENCY' | 'INDIVIDUAL' | 'UNLICENSED';
  licenseNumber: string | null;
  licenseStatus: 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'NONE';
}

export interface CaseRecord extends BaseRecord {
  kind: 'CASE';
  title: string;
  status: 'REPORTED' | 'UNDER_INVESTIGATION' | 'PROSECUTED' | 'CLOSED';
  openedAt: string;
  caseNumber: string | null;
}

export interface CrossingRecord extends BaseRecord {
  kind: 'BORDER_CROSSING';
  direction: 'EXIT' | 'ENTRY';
  at: string;
  country: string;
  vehiclePlate: string | null;
}

export interface CheckpointRecord extends BaseRecord {
  kind: 'CHECKPOINT';
  name: string;
  country: string | null;
}

export type EntityRecord = PersonRecord | PhoneRecord | BrokerRecord | CaseRecord | CrossingRecord | CheckpointRecord;

/**
 * What an investigator sees as an entity's name in lists and charts. Charts read only the
 * properties named here (cypher/linkchart/expand-level.cypher, chart-nodes.cypher): a new one
 * must be added there too.
 */
export function entityLabel(entity: EntityRecord): string {
  switch (entity.kind) {
    case 'PERSON':
      return entity.fullName;
    case 'PHONE':
      return entity.e164;
    case 'BROKER':
      return entity.name;
    case 'CASE':
      return entity.caseNumber ? `${entity.caseNumber}: ${entity.title}` : entity.title;
    case 'BORDER_CROSSING':
      return `${entity.direction} ${entity.country} ${entity.at}`;
    case 'CHECKPOINT':
      return entity.name;
  }
}
