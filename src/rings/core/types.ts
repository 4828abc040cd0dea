import type { BrokerKind } from '../../entities/vocabulary.ts';

/**
 * Input and output types of the ring-detection core.
 *
 * Everything here is plain, serialisable data (no classes, no Maps) so a projection can be
 * streamed out of Neo4j by a Cypher statement, posted to a worker thread and persisted as is.
 */

/** The entities that can belong to a ring. Same spelling as the contract's EntityKind. */
export type RingEntityKind = 'PERSON' | 'PHONE' | 'BROKER';

/** HTCDS case roles, as in the contract's CaseRole. */
export type CaseRole = 'VICTIM' | 'SUSPECTED_VICTIM' | 'SUSPECT' | 'WITNESS' | 'REPORTER';
export type CaseStatus = 'REPORTED' | 'UNDER_INVESTIGATION' | 'PROSECUTED' | 'CLOSED';
export type { BrokerKind };
export type LicenseStatus = 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'NONE';
/** The land-border countries whose exits count as risk (China, Laos, Cambodia). */
export type ExitCountry = 'CN' | 'LA' | 'KH';

/** An EXIT crossing with no later ENTRY of the same person. */
export interface ExitWithoutReturn {
  /** Checkpoint name as investigators know it, e.g. "Mong Cai". */
  checkpoint: string;
  country: ExitCountry;
  /** ISO 8601 instant of the exit. */
  at: string;
}

/** A case the person is involved in whose status is not CLOSED. */
export interface OpenCase {
  caseId: string;
  status: Exclude<CaseStatus, 'CLOSED'>;
}

export interface PersonFacts {
  /** Age in whole years at the reference date of the run; null when the birth date is unknown. */
  ageYears: number | null;
  /** Distinct roles over all the person's cases (open or closed). */
  caseRoles: CaseRole[];
  openCases: OpenCase[];
  /** Exits to CN/LA/KH without a later return. Empty when every exit was followed by an entry. */
  exitsWithoutReturn: ExitWithoutReturn[];
  /** Whether the person made any border crossing at all (exits that returned included). */
  hasCrossings: boolean;
}

export interface BrokerFacts {
  brokerKind: BrokerKind;
  licenseStatus: LicenseStatus;
}

export interface PhoneFacts {
  /** Distinct people and brokers using the phone in the whole database, not only in the projection. */
  distinctUsers: number;
  /** Total calls made or received by the phone (sum of CALLED counts). */
  callCount: number;
}

interface ProjectionNodeBase {
  /** The service's opaque, stable entity id. */
  entityId: string;
  /**
   * Display text used in factor descriptions for phones (E.164) and brokers (name). People are never
   * named in descriptions, only counted, so a person's label may be anything (or already masked).
   */
  label: string;
}

export interface PersonNode extends ProjectionNodeBase {
  kind: 'PERSON';
  person: PersonFacts;
}

export interface PhoneNode extends ProjectionNodeBase {
  kind: 'PHONE';
  phone: PhoneFacts;
}

export interface BrokerNode extends ProjectionNodeBase {
  kind: 'BROKER';
  broker: BrokerFacts;
}

/** One row of the node table. Its position in `RingProjection.nodes` is its index in edge rows. */
export type ProjectionNode = PersonNode | PhoneNode | BrokerNode;

/**
 * Kinds of evidence between two entities. Direction matters only where noted; otherwise the pair
 * is undirected and either order is accepted.
 */
export const evidenceKinds = [
  /** USES_PHONE: a person or broker uses the phone (either order). Shared phones arise from two such rows. */
  'SHARED_PHONE',
  /** CALLED between two phones; count = number of calls in both directions. */
  'CALLED',
  /** RECRUITED_BY: source = the recruited person, target = the recruiter (person or broker). Directed. */
  'RECRUITED_BY',
  /** OPERATES: source = the person, target = the broker they run. Directed. */
  'OPERATES',
  /** Two people crossed at the same checkpoint in the same direction within a short window; count = times. */
  'CO_CROSSING',
  /** Two people involved in the same case; count = number of shared cases. */
  'SAME_CASE',
  'KNOWS',
  'RELATIVE_OF',
  /**
   * Two person records that are likely the same real person (the same folded name and birth
   * date, or a shared document number), sent by different agencies: until entity resolution
   * joins them, this keeps one person's evidence from being split across strangers.
   */
  'SAME_PERSON',
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** One pre-aggregated evidence row: one per (pair, kind). Narrow on purpose: indexes into the node table. */
export interface EvidenceRow {
  source: number;
  target: number;
  kind: EvidenceKind;
  /** How many times the evidence was seen (calls, co-crossings, shared cases); 1 for plain links. */
  count: number;
}

/**
 * The same rows as columns, for large projections: the typed arrays can be transferred to a worker
 * thread without copying. `kind[i]` is the position of the kind in `evidenceKinds`.
 */
export interface EvidenceColumns {
  source: Int32Array;
  target: Int32Array;
  kind: Uint8Array;
  count: Float64Array;
}

/** What the Cypher projection streams: a node table and narrow edge rows that index into it. */
export interface RingProjection {
  nodes: ProjectionNode[];
  edges: EvidenceRow[] | EvidenceColumns;
}

/** An analyst's decision on a ring, carried over to its successor in the next run. */
export type AnalystStatus = 'CONFIRMED' | 'DISMISSED';

/** A ring of the previous detection run, as persisted. */
export interface PreviousRing {
  id: string;
  memberEntityIds: string[];
  status?: AnalystStatus;
  statusNote?: string;
  /**
   * A ring of a recent run that the latest run did not continue: a community takes its id back
   * only when it matches no current ring (a run at another resolution must not cost a ring its
   * id and verdict).
   */
  retired?: boolean;
}

/** Options as a caller (e.g. a GraphQL resolver with RingDetectionInput) may pass them; null means default. */
export interface DetectionOptionsInput {
  resolution?: number | null;
  seed?: number | null;
  /** Minimum number of PEOPLE in a community for it to be reported as a ring. */
  minSize?: number | null;
  weights?: Partial<EvidenceWeights> | null;
  hubDamping?: Partial<HubDampingOptions> | null;
  scoring?: Partial<ScoringOptions> | null;
  /** Jaccard similarity of members above which a new community inherits a previous ring's id. */
  matchThreshold?: number | null;
  /**
   * Ties from ring evidence within which the community step looks at the city (see
   * nodesNearRingEvidence); farther nodes can never be in a ring. 0 looks at the evidence alone.
   */
  evidenceReach?: number | null;
}

/** Base weight of one row of each evidence kind, before count and hub damping. */
export type EvidenceKindWeights = Record<EvidenceKind, number>;

export interface EvidenceWeights {
  base: EvidenceKindWeights;
  /** Multiplier on RECRUITED_BY/OPERATES edges to a LICENSED_AGENCY with an ACTIVE licence: weak evidence. */
  licensedActiveBroker: number;
  /** Multiplier for other brokers: a SUSPENDED licence, or an INDIVIDUAL with an ACTIVE licence. */
  otherBroker: number;
  /** Multiplier for UNLICENSED brokers and brokers whose licence is REVOKED or NONE: strong evidence. */
  illicitBroker: number;
  /** Cap on the count factor 1 + log2(count), so a million calls do not outweigh every other tie. */
  maxCountFactor: number;
}

export interface HubDampingOptions {
  /** Degree (per evidence kind) up to which an endpoint is not damped at all. */
  freeDegree: number;
  /**
   * Above freeDegree the weight is multiplied by (freeDegree / degree) ^ exponent. With 1 a hub's total
   * strength stays that of a node with freeDegree ties, however many it has.
   */
  exponent: number;
  /** Edges whose endpoint has more than this many ties of the kind are left out of the community step. */
  degreeCap: number;
}

export interface ScoringOptions {
  /** People younger than this (in years) count as minors. */
  minorAgeYears: number;
  /**
   * A burner is a phone used by 2 to burnerMaxUsers unrelated users (relatives, and one person's records
   * at several agencies, count once) that called other such phones at least burnerMinCalls times (see
   * find-burner-phones.ts). Sharing a burner is ring evidence for detection as well as a scoring factor.
   */
  burnerMaxUsers: number;
  burnerMinCalls: number;
  /** Ages (years, inclusive) of the young people online recruiters target (see find-recruitment-phones.ts). */
  youngMinAge: number;
  youngMaxAge: number;
  /** Young people a phone reached who then left without returning, at least, for a recruitment phone. */
  recruitmentMinExits: number;
  /** Their phones' least share of all the phones it talked to. */
  recruitmentMinShare: number;
}

export interface ResolvedDetectionOptions {
  resolution: number;
  seed: number;
  minSize: number;
  weights: EvidenceWeights;
  hubDamping: HubDampingOptions;
  scoring: ScoringOptions;
  matchThreshold: number;
  evidenceReach: number;
}

/** One reason behind a ring's score. Contributions of all factors add up to the score. */
export interface RiskFactor {
  code: RiskFactorCode;
  description: string;
  contribution: number;
  /** Entities the factor is about (phones, brokers, people), so a caller can trace or mask them. */
  entityIds: string[];
}

export type RiskFactorCode =
  | 'VICTIMS'
  | 'SUSPECTED_VICTIMS'
  | 'MINORS'
  | 'UNLICENSED_BROKER'
  | 'EXITS_WITHOUT_RETURN'
  | 'SHARED_BURNER_PHONES'
  | 'RECRUITMENT_CALLS'
  | 'CHILDREN_TAKEN_BY_RELATIVE'
  | 'CALL_DENSITY'
  | 'OPEN_CASES'
  | 'SUSPECTS'
  | 'SIZE'
  | 'DENSITY'
  /** Negative contribution that brings a raw total above 100 down to 100. */
  | 'CAP';

export type PersonRole = 'organiser' | 'recruiter' | 'escort' | 'victim' | 'associate';
export type MemberRole = PersonRole | 'burner-phone' | 'phone' | 'broker';

export interface RingMember {
  entityId: string;
  kind: RingEntityKind;
  role: MemberRole;
}

export interface DetectedRing {
  /** Stable across runs when most members carry over; otherwise derived from the members. */
  id: string;
  score: number;
  /** Number of members of every kind. */
  size: number;
  personCount: number;
  members: RingMember[];
  factors: RiskFactor[];
  summary: string;
  /** Phones shared by two or more members, burners first. */
  keyPhones: string[];
  /** Brokers of the ring or that recruited its members, illicit ones first. */
  keyBrokers: string[];
  /** The previous ring this one continues, with the Jaccard similarity of their members. */
  continues?: { previousId: string; jaccard: number };
  status?: AnalystStatus;
  statusNote?: string;
}

export interface GraphStats {
  /** Nodes in the projection. */
  projectionNodes: number;
  /** Edge rows in the projection. */
  projectionRows: number;
  /** Nodes and (merged) edges of the weighted graph Louvain ran on. */
  graphNodes: number;
  graphEdges: number;
  /** Nodes left with no tie after hub damping (each its own singleton, never a ring). */
  isolatedNodes: number;
  /** Nodes too far from any ring evidence to be looked at by the community step (see evidenceReach). */
  outsideReach: number;
  /** Rows left out of the community step because an endpoint was over the hub degree cap. */
  rowsDroppedAtHubs: number;
  selfLoopRowsIgnored: number;
}

export type DetectionStage = 'validate' | 'evidence' | 'build-graph' | 'louvain' | 'score' | 'match';

export interface StageTimings {
  validate: number;
  evidence: number;
  'build-graph': number;
  louvain: number;
  score: number;
  match: number;
  total: number;
}

export interface DetectionResult {
  rings: DetectedRing[];
  /** Modularity of the whole partition as reported by graphology (NaN-free: 0 for an empty graph). */
  modularity: number;
  /** Communities Louvain found, singletons included, before minSize filtering. */
  communityCount: number;
  timings: StageTimings;
  graphStats: GraphStats;
  options: ResolvedDetectionOptions;
}

export interface ProgressEvent {
  stage: DetectionStage;
  /** Milliseconds since the run started. */
  elapsedMs: number;
}
