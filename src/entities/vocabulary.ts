/**
 * The contract's enums, each written once: the list gives the TypeScript type and the set that
 * validation checks against. test/unit/entities/vocabulary.test.ts holds each to the enum of the
 * same name in schema.graphql.
 */
export const ENTITY_KINDS = ['PERSON', 'PHONE', 'BROKER', 'BORDER_CROSSING', 'CASE', 'CHECKPOINT'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];

export const BROKER_KINDS = ['LICENSED_AGENCY', 'INDIVIDUAL', 'UNLICENSED'] as const;
export type BrokerKind = (typeof BROKER_KINDS)[number];

export const LICENSE_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED', 'NONE'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export const CROSSING_DIRECTIONS = ['EXIT', 'ENTRY'] as const;
export type CrossingDirection = (typeof CROSSING_DIRECTIONS)[number];

export const CASE_STATUSES = ['REPORTED', 'UNDER_INVESTIGATION', 'PROSECUTED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** HTCDS: VICTIM is a verified victim, SUSPECTED_VICTIM one with indicators not yet verified. */
export const CASE_ROLES = ['SUSPECT', 'VICTIM', 'SUSPECTED_VICTIM', 'WITNESS', 'REPORTER'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

/** The link types of the contract, which a sender may write and a client may filter on. */
export const LINK_TYPES = [
  'USES_PHONE',
  'CALLED',
  'RECRUITED_BY',
  'KNOWS',
  'RELATIVE_OF',
  'INVOLVED_IN',
  'OPERATES',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];
