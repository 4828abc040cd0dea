import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonRecord, PhoneRecord, BrokerRecord, CaseRecord, CrossingRecord, CheckpointRecord, EntityRecord } from '../../entities/entity-records.ts';
import type { RingRecord, DetectionRunRecord } from '../../rings/ring-records.ts';
import type { AlertRecord } from '../../alerts/alert-records.ts';
import type { WatchRecord } from '../../alerts/alert-service.ts';
import type { WebhookRecord } from '../../alerts/webhooks/webhook-registry.ts';
import type { SavedChartRecord } from '../../saved-charts/saved-chart-records.ts';
import type { GraphQLContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  CountryCode: { input: string; output: string; }
  Date: { input: string; output: string; }
  DateTime: { input: string; output: string; }
};

export type Alert = {
  __typename?: 'Alert';
  assignee: Maybe<Scalars['String']['output']>;
  disposition: Maybe<Scalars['String']['output']>;
  entities: Array<Entity>;
  id: Scalars['ID']['output'];
  raisedAt: Scalars['DateTime']['output'];
  ringId: Maybe<Scalars['ID']['output']>;
  rule: Scalars['String']['output'];
  severity: AlertSeverity;
  sources: Array<SourceRecord>;
  status: AlertStatus;
  summary: Scalars['String']['output'];
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};

export type AlertConnection = {
  __typename?: 'AlertConnection';
  edges: Array<AlertEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AlertEdge = {
  __typename?: 'AlertEdge';
  cursor: Scalars['String']['output'];
  node: Alert;
};

export type AlertSeverity =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type AlertStatus =
  | 'ACKNOWLEDGED'
  | 'CLOSED'
  | 'ESCALATED'
  | 'OPEN';

export type AuditConnection = {
  __typename?: 'AuditConnection';
  edges: Array<AuditEdge>;
  pageInfo: PageInfo;
};

export type AuditEdge = {
  __typename?: 'AuditEdge';
  cursor: Scalars['String']['output'];
  node: AuditEvent;
};

export type AuditEvent = {
  __typename?: 'AuditEvent';
  actor: Scalars['String']['output'];
  agency: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  entityIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  operation: Scalars['String']['output'];
  outcome: Scalars['String']['output'];
  purpose: Maybe<Scalars['String']['output']>;
  reason: Maybe<Scalars['String']['output']>;
  roles: Array<Scalars['String']['output']>;
  rootFields: Array<Scalars['String']['output']>;
  seq: Scalars['Int']['output'];
};

export type BorderCrossing = Entity & {
  __typename?: 'BorderCrossing';
  at: Scalars['DateTime']['output'];
  checkpoint: Checkpoint;
  country: Scalars['CountryCode']['output'];
  direction: CrossingDirection;
  id: Scalars['ID']['output'];
  kind: EntityKind;
  label: Scalars['String']['output'];
  person: Maybe<Person>;
  sources: Array<SourceRecord>;
  vehiclePlate: Maybe<Scalars['String']['output']>;
};

export type BorderCrossingInput = {
  at: Scalars['DateTime']['input'];
  checkpoint: Scalars['String']['input'];
  country: Scalars['CountryCode']['input'];
  direction: CrossingDirection;
  externalId: Scalars['String']['input'];
  person: EntityRefInput;
  vehiclePlate?: InputMaybe<Scalars['String']['input']>;
};

export type Broker = Entity & {
  __typename?: 'Broker';
  brokerKind: BrokerKind;
  id: Scalars['ID']['output'];
  kind: EntityKind;
  label: Scalars['String']['output'];
  licenseNumber: Maybe<Scalars['String']['output']>;
  licenseStatus: LicenseStatus;
  name: Scalars['String']['output'];
  operators: Array<Person>;
  phones: Array<Phone>;
  recruits: PersonConnection;
  sources: Array<SourceRecord>;
};


export type BrokerRecruitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type BrokerInput = {
  externalId: Scalars['String']['input'];
  kind: BrokerKind;
  licenseNumber?: InputMaybe<Scalars['String']['input']>;
  licenseStatus?: InputMaybe<LicenseStatus>;
  name: Scalars['String']['input'];
};

export type BrokerKind =
  | 'INDIVIDUAL'
  | 'LICENSED_AGENCY'
  | 'UNLICENSED';

export type Call = {
  __typename?: 'Call';
  count: Scalars['Int']['output'];
  direction: CallDirection;
  lastAt: Maybe<Scalars['DateTime']['output']>;
  other: Phone;
};

export type CallConnection = {
  __typename?: 'CallConnection';
  edges: Array<CallEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CallDirection =
  | 'INCOMING'
  | 'OUTGOING';

export type CallEdge = {
  __typename?: 'CallEdge';
  cursor: Scalars['String']['output'];
  node: Call;
};

export type Case = Entity & {
  __typename?: 'Case';
  caseNumber: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: EntityKind;
  label: Scalars['String']['output'];
  openedAt: Scalars['Date']['output'];
  participants: ParticipantConnection;
  sources: Array<SourceRecord>;
  status: CaseStatus;
  title: Scalars['String']['output'];
};


export type CaseParticipantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<CaseRole>;
};

export type CaseInput = {
  caseNumber?: InputMaybe<Scalars['String']['input']>;
  externalId: Scalars['String']['input'];
  openedAt: Scalars['Date']['input'];
  status: CaseStatus;
  title: Scalars['String']['input'];
};

export type CaseParticipation = {
  __typename?: 'CaseParticipation';
  case: Case;
  role: Maybe<CaseRole>;
};

export type CaseRole =
  | 'REPORTER'
  | 'SUSPECT'
  | 'SUSPECTED_VICTIM'
  | 'VICTIM'
  | 'WITNESS';

export type CaseStatus =
  | 'CLOSED'
  | 'PROSECUTED'
  | 'REPORTED'
  | 'UNDER_INVESTIGATION';

export type ChartEdge = {
  __typename?: 'ChartEdge';
  id: Scalars['ID']['output'];
  source: Scalars['ID']['output'];
  target: Scalars['ID']['output'];
  type: Scalars['String']['output'];
  weight: Maybe<Scalars['Float']['output']>;
};

export type ChartFilters = {
  __typename?: 'ChartFilters';
  depth: Scalars['Int']['output'];
  from: Maybe<Scalars['DateTime']['output']>;
  linkTypes: Maybe<Array<LinkType>>;
  to: Maybe<Scalars['DateTime']['output']>;
};

export type ChartFiltersInput = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  linkTypes?: InputMaybe<Array<LinkType>>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type ChartLayout =
  | 'FORCE_ATLAS2'
  | 'RADIAL';

export type ChartNode = {
  __typename?: 'ChartNode';
  collapsedCount: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  kind: EntityKind;
  label: Scalars['String']['output'];
  ringId: Maybe<Scalars['ID']['output']>;
  x: Maybe<Scalars['Float']['output']>;
  y: Maybe<Scalars['Float']['output']>;
};

export type ChartPositionInput = {
  id: Scalars['ID']['input'];
  x: Scalars['Float']['input'];
  y: Scalars['Float']['input'];
};

export type ChartSharing = {
  __typename?: 'ChartSharing';
  agencies: Array<Scalars['String']['output']>;
  users: Array<Scalars['String']['output']>;
};

export type ChartSharingInput = {
  agencies?: InputMaybe<Array<Scalars['String']['input']>>;
  users?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Checkpoint = Entity & {
  __typename?: 'Checkpoint';
  code: Maybe<Scalars['String']['output']>;
  country: Maybe<Scalars['CountryCode']['output']>;
  id: Scalars['ID']['output'];
  kind: EntityKind;
  label: Scalars['String']['output'];
  latitude: Maybe<Scalars['Float']['output']>;
  longitude: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  sources: Array<SourceRecord>;
};

export type CheckpointPlace = {
  __typename?: 'CheckpointPlace';
  code: Scalars['String']['output'];
  country: Scalars['CountryCode']['output'];
  id: Scalars['ID']['output'];
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
  name: Scalars['String']['output'];
};

export type CrossingConnection = {
  __typename?: 'CrossingConnection';
  edges: Array<CrossingEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CrossingDirection =
  | 'ENTRY'
  | 'EXIT';

export type CrossingEdge = {
  __typename?: 'CrossingEdge';
  cursor: Scalars['String']['output'];
  node: BorderCrossing;
};

export type DetectionRun = {
  __typename?: 'DetectionRun';
  communityCount: Scalars['Int']['output'];
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  graphStats: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  modularity: Maybe<Scalars['Float']['output']>;
  parameters: Scalars['String']['output'];
  ringCount: Scalars['Int']['output'];
  startedAt: Scalars['DateTime']['output'];
  timings: Maybe<Scalars['String']['output']>;
};

export type DuplicateCandidate = {
  __typename?: 'DuplicateCandidate';
  a: Person;
  autoMergeable: Scalars['Boolean']['output'];
  b: Person;
  factors: Array<DuplicateFactor>;
  id: Scalars['ID']['output'];
  reasons: Array<Scalars['String']['output']>;
  score: Scalars['Float']['output'];
};

export type DuplicateConnection = {
  __typename?: 'DuplicateConnection';
  edges: Array<DuplicateEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DuplicateEdge = {
  __typename?: 'DuplicateEdge';
  cursor: Scalars['String']['output'];
  node: DuplicateCandidate;
};

export type DuplicateFactor = {
  __typename?: 'DuplicateFactor';
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
  weight: Scalars['Float']['output'];
};

export type Entity = {
  id: Scalars['ID']['output'];
  kind: EntityKind;
  label: Scalars['String']['output'];
  sources: Array<SourceRecord>;
};

export type EntityKind =
  | 'BORDER_CROSSING'
  | 'BROKER'
  | 'CASE'
  | 'CHECKPOINT'
  | 'PERSON'
  | 'PHONE';

export type EntityRefInput = {
  externalId: Scalars['String']['input'];
  kind: EntityKind;
  source?: InputMaybe<Scalars['String']['input']>;
};

export type ExportFile = {
  __typename?: 'ExportFile';
  content: Scalars['String']['output'];
  filename: Scalars['String']['output'];
  mimeType: Scalars['String']['output'];
};

export type ExportFormat =
  | 'GEXF'
  | 'GRAPHML'
  | 'I2_CSV'
  | 'JSON';

export type IngestBatchInput = {
  brokers?: InputMaybe<Array<BrokerInput>>;
  cases?: InputMaybe<Array<CaseInput>>;
  crossings?: InputMaybe<Array<BorderCrossingInput>>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  links?: InputMaybe<Array<LinkInput>>;
  people?: InputMaybe<Array<PersonInput>>;
  phones?: InputMaybe<Array<PhoneInput>>;
  source: Scalars['String']['input'];
};

export type IngestReport = {
  __typename?: 'IngestReport';
  accepted: Scalars['Int']['output'];
  errors: Array<RecordError>;
  rejected: Scalars['Int']['output'];
  replayed: Scalars['Boolean']['output'];
};

export type LicenseStatus =
  | 'ACTIVE'
  | 'NONE'
  | 'REVOKED'
  | 'SUSPENDED';

export type LinkChart = {
  __typename?: 'LinkChart';
  edges: Array<ChartEdge>;
  nodes: Array<ChartNode>;
  truncated: Scalars['Boolean']['output'];
};

export type LinkInput = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  count?: InputMaybe<Scalars['Int']['input']>;
  from: EntityRefInput;
  role?: InputMaybe<CaseRole>;
  to: EntityRefInput;
  type: LinkType;
};

export type LinkType =
  | 'CALLED'
  | 'INVOLVED_IN'
  | 'KNOWS'
  | 'OPERATES'
  | 'RECRUITED_BY'
  | 'RELATIVE_OF'
  | 'USES_PHONE';

export type Merge = {
  __typename?: 'Merge';
  at: Scalars['DateTime']['output'];
  automatic: Scalars['Boolean']['output'];
  by: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  keptId: Scalars['ID']['output'];
  mergedId: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  undoneAt: Maybe<Scalars['DateTime']['output']>;
  undoneBy: Maybe<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  addRingNote: RingNote;
  assignRing: Ring;
  deleteSavedChart: Scalars['Boolean']['output'];
  detectRings: DetectionRun;
  importSavedChart: SavedChart;
  ingest: IngestReport;
  mergeEntities: Person;
  registerWebhook: WebhookRegistration;
  removeWebhook: Scalars['Boolean']['output'];
  saveChart: SavedChart;
  setRingStatus: Ring;
  shareChart: SavedChart;
  triageRing: Ring;
  unmergeEntity: Array<Person>;
  unwatch: Scalars['Boolean']['output'];
  updateAlert: Alert;
  watch: Watch;
};


export type MutationAddRingNoteArgs = {
  id: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationAssignRingArgs = {
  assignee?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationDeleteSavedChartArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDetectRingsArgs = {
  options?: InputMaybe<RingDetectionInput>;
};


export type MutationImportSavedChartArgs = {
  content: Scalars['String']['input'];
};


export type MutationIngestArgs = {
  batch: IngestBatchInput;
};


export type MutationMergeEntitiesArgs = {
  keep: Scalars['ID']['input'];
  merge: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRegisterWebhookArgs = {
  input: WebhookInput;
};


export type MutationRemoveWebhookArgs = {
  agency: Scalars['String']['input'];
};


export type MutationSaveChartArgs = {
  input: SavedChartInput;
};


export type MutationSetRingStatusArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  status: RingStatus;
};


export type MutationShareChartArgs = {
  id: Scalars['ID']['input'];
  sharing: ChartSharingInput;
};


export type MutationTriageRingArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  reason?: InputMaybe<RingTriageReason>;
  status: RingStatus;
};


export type MutationUnmergeEntityArgs = {
  id: Scalars['ID']['input'];
  mergeId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationUnwatchArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateAlertArgs = {
  assignee?: InputMaybe<Scalars['String']['input']>;
  disposition?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  status: AlertStatus;
};


export type MutationWatchArgs = {
  input: WatchInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Participant = {
  __typename?: 'Participant';
  entity: Entity;
  role: Maybe<CaseRole>;
};

export type ParticipantConnection = {
  __typename?: 'ParticipantConnection';
  edges: Array<ParticipantEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ParticipantEdge = {
  __typename?: 'ParticipantEdge';
  cursor: Scalars['String']['output'];
  node: Participant;
};

export type Path = {
  __typename?: 'Path';
  edges: Array<ChartEdge>;
  length: Scalars['Int']['output'];
  nodes: Array<ChartNode>;
};

export type Person = Entity & {
  __typename?: 'Person';
  acquaintances: PersonConnection;
  cases: Array<CaseParticipation>;
  crossings: CrossingConnection;
  dateOfBirth: Maybe<Scalars['Date']['output']>;
  documentNumbers: Array<Scalars['String']['output']>;
  fullName: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: EntityKind;
  label: Scalars['String']['output'];
  merges: Array<Merge>;
  nationality: Maybe<Scalars['CountryCode']['output']>;
  phones: Array<Phone>;
  province: Maybe<Scalars['String']['output']>;
  recruiters: Array<Entity>;
  relatives: Array<Person>;
  sex: Maybe<Sex>;
  sources: Array<SourceRecord>;
};


export type PersonAcquaintancesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type PersonCrossingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PersonConnection = {
  __typename?: 'PersonConnection';
  edges: Array<PersonEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PersonEdge = {
  __typename?: 'PersonEdge';
  cursor: Scalars['String']['output'];
  node: Person;
};

export type PersonInput = {
  dateOfBirth?: InputMaybe<Scalars['Date']['input']>;
  documentNumbers?: InputMaybe<Array<Scalars['String']['input']>>;
  externalId: Scalars['String']['input'];
  fullName: Scalars['String']['input'];
  nationality?: InputMaybe<Scalars['CountryCode']['input']>;
  province?: InputMaybe<Scalars['String']['input']>;
  sex?: InputMaybe<Sex>;
};

export type Phone = Entity & {
  __typename?: 'Phone';
  calls: CallConnection;
  e164: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: EntityKind;
  label: Scalars['String']['output'];
  sources: Array<SourceRecord>;
  users: Array<Entity>;
};


export type PhoneCallsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PhoneInput = {
  defaultCountry?: InputMaybe<Scalars['CountryCode']['input']>;
  number: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  alert: Maybe<Alert>;
  alerts: AlertConnection;
  auditTrail: AuditConnection;
  checkpoints: Array<CheckpointPlace>;
  duplicateCandidates: DuplicateConnection;
  entity: Maybe<Entity>;
  exportLinkChart: Array<ExportFile>;
  exportSavedChart: ExportFile;
  latestDetectionRun: Maybe<DetectionRun>;
  linkChart: LinkChart;
  node: Maybe<Entity>;
  paths: Array<Path>;
  ring: Maybe<Ring>;
  ringCandidates: RingConnection;
  savedChart: Maybe<SavedChart>;
  savedCharts: Array<SavedChart>;
  search: Array<SearchHit>;
  timeline: Timeline;
  watches: Array<Watch>;
  webhookDeadLetters: Array<WebhookDeadLetter>;
  webhooks: Array<Webhook>;
};


export type QueryAlertArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAlertsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  rules?: InputMaybe<Array<Scalars['String']['input']>>;
  status?: InputMaybe<Array<AlertStatus>>;
};


export type QueryAuditTrailArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  entityId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDuplicateCandidatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  minScore?: InputMaybe<Scalars['Float']['input']>;
};


export type QueryEntityArgs = {
  ref: EntityRefInput;
};


export type QueryExportLinkChartArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  format: ExportFormat;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  linkTypes?: InputMaybe<Array<LinkType>>;
  maxNodes?: InputMaybe<Scalars['Int']['input']>;
  seeds: Array<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryExportSavedChartArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLinkChartArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  layout?: InputMaybe<ChartLayout>;
  linkTypes?: InputMaybe<Array<LinkType>>;
  maxNodes?: InputMaybe<Scalars['Int']['input']>;
  seeds: Array<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPathsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['ID']['input'];
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  to: Scalars['ID']['input'];
};


export type QueryRingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRingCandidatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assignee?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDismissed?: InputMaybe<Scalars['Boolean']['input']>;
  minScore?: InputMaybe<Scalars['Float']['input']>;
  minSize?: InputMaybe<Scalars['Int']['input']>;
  statuses?: InputMaybe<Array<RingStatus>>;
  unassigned?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QuerySavedChartArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySavedChartsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<EntityKind>>;
  text: Scalars['String']['input'];
};


export type QueryTimelineArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  ids: Array<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryWebhookDeadLettersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RecordError = {
  __typename?: 'RecordError';
  code: Scalars['String']['output'];
  index: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  section: Scalars['String']['output'];
};

export type Ring = {
  __typename?: 'Ring';
  assignee: Maybe<Scalars['String']['output']>;
  continuesFrom: Maybe<Scalars['ID']['output']>;
  detectedAt: Scalars['DateTime']['output'];
  evidence: Array<RingEvidence>;
  factors: Array<RiskFactor>;
  firstDetectedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  keyBrokers: Array<Broker>;
  keyPhones: Array<Phone>;
  linkChart: LinkChart;
  members: Array<RingMember>;
  notes: Array<RingNote>;
  personCount: Scalars['Int']['output'];
  score: Scalars['Float']['output'];
  size: Scalars['Int']['output'];
  status: RingStatus;
  statusAt: Maybe<Scalars['DateTime']['output']>;
  statusBy: Maybe<Scalars['String']['output']>;
  statusNote: Maybe<Scalars['String']['output']>;
  statusReason: Maybe<RingTriageReason>;
  summary: Scalars['String']['output'];
  triage: Array<RingTriageEvent>;
};


export type RingLinkChartArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  maxNodes?: InputMaybe<Scalars['Int']['input']>;
};

export type RingConnection = {
  __typename?: 'RingConnection';
  edges: Array<RingEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type RingDetectionInput = {
  minSize?: InputMaybe<Scalars['Int']['input']>;
  referenceDate?: InputMaybe<Scalars['Date']['input']>;
  resolution?: InputMaybe<Scalars['Float']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
};

export type RingEdge = {
  __typename?: 'RingEdge';
  cursor: Scalars['String']['output'];
  node: Ring;
};

export type RingEvidence = {
  __typename?: 'RingEvidence';
  source: Scalars['ID']['output'];
  sources: Array<Scalars['String']['output']>;
  target: Scalars['ID']['output'];
  type: Scalars['String']['output'];
  weight: Scalars['Float']['output'];
};

export type RingMember = {
  __typename?: 'RingMember';
  entity: Entity;
  role: Maybe<Scalars['String']['output']>;
};

export type RingNote = {
  __typename?: 'RingNote';
  at: Scalars['DateTime']['output'];
  author: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  text: Scalars['String']['output'];
};

export type RingStatus =
  | 'CONFIRMED'
  | 'DISMISSED'
  | 'OPEN';

export type RingTriageEvent = {
  __typename?: 'RingTriageEvent';
  action: Scalars['String']['output'];
  assignee: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  by: Scalars['String']['output'];
  note: Maybe<Scalars['String']['output']>;
  reason: Maybe<RingTriageReason>;
  status: RingStatus;
};

export type RingTriageReason =
  | 'CORROBORATED_BY_CASE'
  | 'CORROBORATED_BY_INTELLIGENCE'
  | 'DATA_ERROR'
  | 'DUPLICATE_OF_ANOTHER_RING'
  | 'FAMILY_OR_COMMUNITY'
  | 'INSUFFICIENT_EVIDENCE'
  | 'LEGITIMATE_ACTIVITY'
  | 'VICTIM_IDENTIFIED';

export type RiskFactor = {
  __typename?: 'RiskFactor';
  code: Scalars['String']['output'];
  contribution: Scalars['Float']['output'];
  description: Scalars['String']['output'];
  entityIds: Array<Scalars['ID']['output']>;
};

export type SavedChart = {
  __typename?: 'SavedChart';
  chart: LinkChart;
  createdAt: Scalars['DateTime']['output'];
  filters: ChartFilters;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  note: Maybe<Scalars['String']['output']>;
  owner: Scalars['String']['output'];
  ownerAgency: Maybe<Scalars['String']['output']>;
  seeds: Array<Scalars['ID']['output']>;
  sharing: ChartSharing;
  updatedAt: Scalars['DateTime']['output'];
};

export type SavedChartInput = {
  entities: Array<ChartPositionInput>;
  filters?: InputMaybe<ChartFiltersInput>;
  name: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  seeds: Array<Scalars['ID']['input']>;
};

export type SearchHit = {
  __typename?: 'SearchHit';
  entity: Entity;
  matchedOn: Scalars['String']['output'];
  score: Scalars['Float']['output'];
};

export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'OTHER'
  | 'UNKNOWN';

export type SourceRecord = {
  __typename?: 'SourceRecord';
  externalId: Scalars['String']['output'];
  firstSeen: Maybe<Scalars['DateTime']['output']>;
  lastSeen: Maybe<Scalars['DateTime']['output']>;
  source: Scalars['String']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  alertRaised: Alert;
};


export type SubscriptionAlertRaisedArgs = {
  rules?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Timeline = {
  __typename?: 'Timeline';
  events: Array<TimelineEvent>;
  truncated: Scalars['Boolean']['output'];
};

export type TimelineEvent = {
  __typename?: 'TimelineEvent';
  at: Scalars['DateTime']['output'];
  checkpointId: Maybe<Scalars['ID']['output']>;
  country: Maybe<Scalars['CountryCode']['output']>;
  entityIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  kind: TimelineEventKind;
  label: Scalars['String']['output'];
  returned: Maybe<Scalars['Boolean']['output']>;
};

export type TimelineEventKind =
  | 'CASE_OPENED'
  | 'CROSSING_ENTRY'
  | 'CROSSING_EXIT'
  | 'FIRST_CALL'
  | 'LAST_CALL'
  | 'RECRUITMENT';

export type Watch = {
  __typename?: 'Watch';
  createdAt: Scalars['DateTime']['output'];
  entityId: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  note: Maybe<Scalars['String']['output']>;
  owner: Scalars['String']['output'];
  ringId: Maybe<Scalars['ID']['output']>;
};

export type WatchInput = {
  entityId?: InputMaybe<Scalars['ID']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  ringId?: InputMaybe<Scalars['ID']['input']>;
};

export type Webhook = {
  __typename?: 'Webhook';
  agency: Scalars['String']['output'];
  clearance: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  rules: Maybe<Array<Scalars['String']['output']>>;
  url: Scalars['String']['output'];
};

export type WebhookDeadLetter = {
  __typename?: 'WebhookDeadLetter';
  agency: Scalars['String']['output'];
  alertId: Scalars['ID']['output'];
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastError: Maybe<Scalars['String']['output']>;
};

export type WebhookInput = {
  agency: Scalars['String']['input'];
  clearance?: InputMaybe<Array<Scalars['String']['input']>>;
  rules?: InputMaybe<Array<Scalars['String']['input']>>;
  url: Scalars['String']['input'];
};

export type WebhookRegistration = {
  __typename?: 'WebhookRegistration';
  secret: Scalars['String']['output'];
  webhook: Webhook;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Alert: ResolverTypeWrapper<AlertRecord>;
  AlertConnection: ResolverTypeWrapper<Omit<AlertConnection, 'edges'> & { edges: Array<ResolversTypes['AlertEdge']> }>;
  AlertEdge: ResolverTypeWrapper<Omit<AlertEdge, 'node'> & { node: ResolversTypes['Alert'] }>;
  AlertSeverity: AlertSeverity;
  AlertStatus: AlertStatus;
  AuditConnection: ResolverTypeWrapper<AuditConnection>;
  AuditEdge: ResolverTypeWrapper<AuditEdge>;
  AuditEvent: ResolverTypeWrapper<AuditEvent>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BorderCrossing: ResolverTypeWrapper<CrossingRecord>;
  BorderCrossingInput: BorderCrossingInput;
  Broker: ResolverTypeWrapper<BrokerRecord>;
  BrokerInput: BrokerInput;
  BrokerKind: BrokerKind;
  Call: ResolverTypeWrapper<Omit<Call, 'other'> & { other: ResolversTypes['Phone'] }>;
  CallConnection: ResolverTypeWrapper<Omit<CallConnection, 'edges'> & { edges: Array<ResolversTypes['CallEdge']> }>;
  CallDirection: CallDirection;
  CallEdge: ResolverTypeWrapper<Omit<CallEdge, 'node'> & { node: ResolversTypes['Call'] }>;
  Case: ResolverTypeWrapper<CaseRecord>;
  CaseInput: CaseInput;
  CaseParticipation: ResolverTypeWrapper<Omit<CaseParticipation, 'case'> & { case: ResolversTypes['Case'] }>;
  CaseRole: CaseRole;
  CaseStatus: CaseStatus;
  ChartEdge: ResolverTypeWrapper<ChartEdge>;
  ChartFilters: ResolverTypeWrapper<ChartFilters>;
  ChartFiltersInput: ChartFiltersInput;
  ChartLayout: ChartLayout;
  ChartNode: ResolverTypeWrapper<ChartNode>;
  ChartPositionInput: ChartPositionInput;
  ChartSharing: ResolverTypeWrapper<ChartSharing>;
  ChartSharingInput: ChartSharingInput;
  Checkpoint: ResolverTypeWrapper<CheckpointRecord>;
  CheckpointPlace: ResolverTypeWrapper<CheckpointPlace>;
  CountryCode: ResolverTypeWrapper<Scalars['CountryCode']['output']>;
  CrossingConnection: ResolverTypeWrapper<Omit<CrossingConnection, 'edges'> & { edges: Array<ResolversTypes['CrossingEdge']> }>;
  CrossingDirection: CrossingDirection;
  CrossingEdge: ResolverTypeWrapper<Omit<CrossingEdge, 'node'> & { node: ResolversTypes['BorderCrossing'] }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DetectionRun: ResolverTypeWrapper<DetectionRunRecord>;
  DuplicateCandidate: ResolverTypeWrapper<Omit<DuplicateCandidate, 'a' | 'b'> & { a: ResolversTypes['Person'], b: ResolversTypes['Person'] }>;
  DuplicateConnection: ResolverTypeWrapper<Omit<DuplicateConnection, 'edges'> & { edges: Array<ResolversTypes['DuplicateEdge']> }>;
  DuplicateEdge: ResolverTypeWrapper<Omit<DuplicateEdge, 'node'> & { node: ResolversTypes['DuplicateCandidate'] }>;
  DuplicateFactor: ResolverTypeWrapper<DuplicateFactor>;
  Entity: ResolverTypeWrapper<EntityRecord>;
  EntityKind: EntityKind;
  EntityRefInput: EntityRefInput;
  ExportFile: ResolverTypeWrapper<ExportFile>;
  ExportFormat: ExportFormat;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IngestBatchInput: IngestBatchInput;
  IngestReport: ResolverTypeWrapper<IngestReport>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LicenseStatus: LicenseStatus;
  LinkChart: ResolverTypeWrapper<LinkChart>;
  LinkInput: LinkInput;
  LinkType: LinkType;
  Merge: ResolverTypeWrapper<Merge>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Participant: ResolverTypeWrapper<Omit<Participant, 'entity'> & { entity: ResolversTypes['Entity'] }>;
  ParticipantConnection: ResolverTypeWrapper<Omit<ParticipantConnection, 'edges'> & { edges: Array<ResolversTypes['ParticipantEdge']> }>;
  ParticipantEdge: ResolverTypeWrapper<Omit<ParticipantEdge, 'node'> & { node: ResolversTypes['Participant'] }>;
  Path: ResolverTypeWrapper<Path>;
  Person: ResolverTypeWrapper<PersonRecord>;
  PersonConnection: ResolverTypeWrapper<Omit<PersonConnection, 'edges'> & { edges: Array<ResolversTypes['PersonEdge']> }>;
  PersonEdge: ResolverTypeWrapper<Omit<PersonEdge, 'node'> & { node: ResolversTypes['Person'] }>;
  PersonInput: PersonInput;
  Phone: ResolverTypeWrapper<PhoneRecord>;
  PhoneInput: PhoneInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordError: ResolverTypeWrapper<RecordError>;
  Ring: ResolverTypeWrapper<RingRecord>;
  RingConnection: ResolverTypeWrapper<Omit<RingConnection, 'edges'> & { edges: Array<ResolversTypes['RingEdge']> }>;
  RingDetectionInput: RingDetectionInput;
  RingEdge: ResolverTypeWrapper<Omit<RingEdge, 'node'> & { node: ResolversTypes['Ring'] }>;
  RingEvidence: ResolverTypeWrapper<RingEvidence>;
  RingMember: ResolverTypeWrapper<Omit<RingMember, 'entity'> & { entity: ResolversTypes['Entity'] }>;
  RingNote: ResolverTypeWrapper<RingNote>;
  RingStatus: RingStatus;
  RingTriageEvent: ResolverTypeWrapper<RingTriageEvent>;
  RingTriageReason: RingTriageReason;
  RiskFactor: ResolverTypeWrapper<RiskFactor>;
  SavedChart: ResolverTypeWrapper<SavedChartRecord>;
  SavedChartInput: SavedChartInput;
  SearchHit: ResolverTypeWrapper<Omit<SearchHit, 'entity'> & { entity: ResolversTypes['Entity'] }>;
  Sex: Sex;
  SourceRecord: ResolverTypeWrapper<SourceRecord>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Timeline: ResolverTypeWrapper<Timeline>;
  TimelineEvent: ResolverTypeWrapper<TimelineEvent>;
  TimelineEventKind: TimelineEventKind;
  Watch: ResolverTypeWrapper<WatchRecord>;
  WatchInput: WatchInput;
  Webhook: ResolverTypeWrapper<WebhookRecord>;
  WebhookDeadLetter: ResolverTypeWrapper<WebhookDeadLetter>;
  WebhookInput: WebhookInput;
  WebhookRegistration: ResolverTypeWrapper<Omit<WebhookRegistration, 'webhook'> & { webhook: ResolversTypes['Webhook'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Alert: AlertRecord;
  AlertConnection: Omit<AlertConnection, 'edges'> & { edges: Array<ResolversParentTypes['AlertEdge']> };
  AlertEdge: Omit<AlertEdge, 'node'> & { node: ResolversParentTypes['Alert'] };
  AuditConnection: AuditConnection;
  AuditEdge: AuditEdge;
  AuditEvent: AuditEvent;
  Boolean: Scalars['Boolean']['output'];
  BorderCrossing: CrossingRecord;
  BorderCrossingInput: BorderCrossingInput;
  Broker: BrokerRecord;
  BrokerInput: BrokerInput;
  Call: Omit<Call, 'other'> & { other: ResolversParentTypes['Phone'] };
  CallConnection: Omit<CallConnection, 'edges'> & { edges: Array<ResolversParentTypes['CallEdge']> };
  CallEdge: Omit<CallEdge, 'node'> & { node: ResolversParentTypes['Call'] };
  Case: CaseRecord;
  CaseInput: CaseInput;
  CaseParticipation: Omit<CaseParticipation, 'case'> & { case: ResolversParentTypes['Case'] };
  ChartEdge: ChartEdge;
  ChartFilters: ChartFilters;
  ChartFiltersInput: ChartFiltersInput;
  ChartNode: ChartNode;
  ChartPositionInput: ChartPositionInput;
  ChartSharing: ChartSharing;
  ChartSharingInput: ChartSharingInput;
  Checkpoint: CheckpointRecord;
  CheckpointPlace: CheckpointPlace;
  CountryCode: Scalars['CountryCode']['output'];
  CrossingConnection: Omit<CrossingConnection, 'edges'> & { edges: Array<ResolversParentTypes['CrossingEdge']> };
  CrossingEdge: Omit<CrossingEdge, 'node'> & { node: ResolversParentTypes['BorderCrossing'] };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DetectionRun: DetectionRunRecord;
  DuplicateCandidate: Omit<DuplicateCandidate, 'a' | 'b'> & { a: ResolversParentTypes['Person'], b: ResolversParentTypes['Person'] };
  DuplicateConnection: Omit<DuplicateConnection, 'edges'> & { edges: Array<ResolversParentTypes['DuplicateEdge']> };
  DuplicateEdge: Omit<DuplicateEdge, 'node'> & { node: ResolversParentTypes['DuplicateCandidate'] };
  DuplicateFactor: DuplicateFactor;
  Entity: EntityRecord;
  EntityRefInput: EntityRefInput;
  ExportFile: ExportFile;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  IngestBatchInput: IngestBatchInput;
  IngestReport: IngestReport;
  Int: Scalars['Int']['output'];
  LinkChart: LinkChart;
  LinkInput: LinkInput;
  Merge: Merge;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Participant: Omit<Participant, 'entity'> & { entity: ResolversParentTypes['Entity'] };
  ParticipantConnection: Omit<ParticipantConnection, 'edges'> & { edges: Array<ResolversParentTypes['ParticipantEdge']> };
  ParticipantEdge: Omit<ParticipantEdge, 'node'> & { node: ResolversParentTypes['Participant'] };
  Path: Path;
  Person: PersonRecord;
  PersonConnection: Omit<PersonConnection, 'edges'> & { edges: Array<ResolversParentTypes['PersonEdge']> };
  PersonEdge: Omit<PersonEdge, 'node'> & { node: ResolversParentTypes['Person'] };
  PersonInput: PersonInput;
  Phone: PhoneRecord;
  PhoneInput: PhoneInput;
  Query: Record<PropertyKey, never>;
  RecordError: RecordError;
  Ring: RingRecord;
  RingConnection: Omit<RingConnection, 'edges'> & { edges: Array<ResolversParentTypes['RingEdge']> };
  RingDetectionInput: RingDetectionInput;
  RingEdge: Omit<RingEdge, 'node'> & { node: ResolversParentTypes['Ring'] };
  RingEvidence: RingEvidence;
  RingMember: Omit<RingMember, 'entity'> & { entity: ResolversParentTypes['Entity'] };
  RingNote: RingNote;
  RingTriageEvent: RingTriageEvent;
  RiskFactor: RiskFactor;
  SavedChart: SavedChartRecord;
  SavedChartInput: SavedChartInput;
  SearchHit: Omit<SearchHit, 'entity'> & { entity: ResolversParentTypes['Entity'] };
  SourceRecord: SourceRecord;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  Timeline: Timeline;
  TimelineEvent: TimelineEvent;
  Watch: WatchRecord;
  WatchInput: WatchInput;
  Webhook: WebhookRecord;
  WebhookDeadLetter: WebhookDeadLetter;
  WebhookInput: WebhookInput;
  WebhookRegistration: Omit<WebhookRegistration, 'webhook'> & { webhook: ResolversParentTypes['Webhook'] };
};

export type AlertResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Alert'] = ResolversParentTypes['Alert']> = {
  assignee?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  disposition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  entities?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ringId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['AlertSeverity'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['SourceRecord']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AlertStatus'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type AlertConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertConnection'] = ResolversParentTypes['AlertConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AlertEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AlertEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertEdge'] = ResolversParentTypes['AlertEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Alert'], ParentType, ContextType>;
};

export type AuditConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditConnection'] = ResolversParentTypes['AuditConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AuditEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEdge'] = ResolversParentTypes['AuditEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEvent'], ParentType, ContextType>;
};

export type AuditEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  entityIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  rootFields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BorderCrossingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BorderCrossing'] = ResolversParentTypes['BorderCrossing']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  checkpoint?: Resolver<ResolversTypes['Checkpoint'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['CountryCode'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['CrossingDirection'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['SourceRecord']>, ParentType, ContextType>;
  vehiclePlate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BrokerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Broker'] = ResolversParentTypes['Broker']> = {
  brokerKind?: Resolver<ResolversTypes['BrokerKind'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  licenseNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  licenseStatus?: Resolver<ResolversTypes['LicenseStatus'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operators?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  phones?: Resolver<Array<ResolversTypes['Phone']>, ParentType, ContextType>;
  recruits?: Resolver<ResolversTypes['PersonConnection'], ParentType, ContextType, RequireFields<BrokerRecruitsArgs, 'first'>>;
  sources?: Resolver<Array<ResolversTypes['SourceRecord']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CallResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Call'] = ResolversParentTypes['Call']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['CallDirection'], ParentType, ContextType>;
  lastAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  other?: Resolver<ResolversTypes['Phone'], ParentType, ContextType>;
};

export type CallConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CallConnection'] = ResolversParentTypes['CallConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CallEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CallEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CallEdge'] = ResolversParentTypes['CallEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Call'], ParentType, ContextType>;
};

export type CaseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Case'] = ResolversParentTypes['Case']> = {
  caseNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  participants?: Resolver<ResolversTypes['ParticipantConnection'], ParentType, ContextType, RequireFields<CaseParticipantsArgs, 'first'>>;
  sources?: Resolver<Array<ResolversTypes['SourceRecord']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CaseStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CaseParticipationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CaseParticipation'] = ResolversParentTypes['CaseParticipation']> = {
  case?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['CaseRole']>, ParentType, ContextType>;
};

export type ChartEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChartEdge'] = ResolversParentTypes['ChartEdge']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ChartFiltersResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChartFilters'] = ResolversParentTypes['ChartFilters']> = {
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  linkTypes?: Resolver<Maybe<Array<ResolversTypes['LinkType']>>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ChartNodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChartNode'] = ResolversParentTypes['ChartNode']> = {
  collapsedCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ringId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  x?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  y?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ChartSharingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChartSharing'] = ResolversParentTypes['ChartSharing']> = {
  agencies?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  users?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CheckpointResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Checkpoint'] = ResolversParentTypes['Checkpoint']> = {
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['CountryCode']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  latitude?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  longitude?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['SourceRecord']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CheckpointPlaceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CheckpointPlace'] = ResolversParentTypes['CheckpointPlace']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['CountryCode'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface CountryCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CountryCode'], any> {
  name: 'CountryCode';
}

export type CrossingConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CrossingConnection'] = ResolversParentTypes['CrossingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CrossingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CrossingEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CrossingEdge'] = ResolversParentTypes['CrossingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BorderCrossing'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DetectionRunResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DetectionRun'] = ResolversParentTypes['DetectionRun']> = {
  communityCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  graphStats?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modularity?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  parameters?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ringCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  timings?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DuplicateCandidateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DuplicateCandidate'] = ResolversParentTypes['DuplicateCandidate']> = {
  a?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  autoMergeable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  b?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  factors?: Resolver<Array<ResolversTypes['DuplicateFactor']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type DuplicateConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DuplicateConnection'] = ResolversParentTypes['DuplicateConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DuplicateEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DuplicateEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DuplicateEdge'] = ResolversParentTypes['DuplicateEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DuplicateCandidate'], ParentType, ContextType>;
};

export type DuplicateFactorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DuplicateFactor'] = ResolversParentTypes['DuplicateFactor']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type EntityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Entity'] = ResolversParentTypes['Entity']> = {
  __resolveType: TypeResolveFn<'BorderCrossing' | 'Broker' | 'Case' | 'Checkpoint' | 'Person' | 'Phone', ParentType, ContextType>;
};

export type ExportFileResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExportFile'] = ResolversParentTypes['ExportFile']> = {
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  filename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mimeType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IngestReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IngestReport'] = ResolversParentTypes['IngestReport']> = {
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['RecordError']>, ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type LinkChartResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LinkChart'] = ResolversParentTypes['LinkChart']> = {
  edges?: Resolver<Array<ResolversTypes['ChartEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ChartNode']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MergeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Merge'] = ResolversParentTypes['Merge']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  automatic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  by?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keptId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mergedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  undoneAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  undoneBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addRingNote?: Resolver<ResolversTypes['RingNote'], ParentType, ContextType, RequireFields<MutationAddRingNoteArgs, 'id' | 'text'>>;
  assignRing?: Resolver<ResolversTypes['Ring'], ParentType, ContextType, RequireFields<MutationAssignRingArgs, 'id'>>;
  deleteSavedChart?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteSavedChartArgs, 'id'>>;
  detectRings?: Resolver<ResolversTypes['DetectionRun'], ParentType, ContextType, Partial<MutationDetectRingsArgs>>;
  importSavedChart?: Resolver<ResolversTypes['SavedChart'], ParentType, ContextType, RequireFields<MutationImportSavedChartArgs, 'content'>>;
  ingest?: Resolver<ResolversTypes['IngestReport'], ParentType, ContextType, RequireFields<MutationIngestArgs, 'batch'>>;
  mergeEntities?: Resolver<ResolversTypes['Person'], ParentType, ContextType, RequireFields<MutationMergeEntitiesArgs, 'keep' | 'merge' | 'reason'>>;
  registerWebhook?: Resolver<ResolversTypes['WebhookRegistration'], ParentType, ContextType, RequireFields<MutationRegisterWebhookArgs, 'input'>>;
  removeWebhook?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveWebhookArgs, 'agency'>>;
  saveChart?: Resolver<ResolversTypes['SavedChart'], ParentType, ContextType, RequireFields<MutationSaveChartArgs, 'input'>>;
  setRingStatus?: Resolver<ResolversTypes['Ring'], ParentType, ContextType, RequireFields<MutationSetRingStatusArgs, 'id' | 'status'>>;
  shareChart?: Resolver<ResolversTypes['SavedChart'], ParentType, ContextType, RequireFields<MutationShareChartArgs, 'id' | 'sharing'>>;
  triageRing?: Resolver<ResolversTypes['Ring'], ParentType, ContextType, RequireFields<MutationTriageRingArgs, 'id' | 'status'>>;
  unmergeEntity?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<MutationUnmergeEntityArgs, 'id'>>;
  unwatch?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationUnwatchArgs, 'id'>>;
  updateAlert?: Resolver<ResolversTypes['Alert'], ParentType, ContextType, RequireFields<MutationUpdateAlertArgs, 'id' | 'status'>>;
  watch?: Resolver<ResolversTypes['Watch'], ParentType, ContextType, RequireFields<MutationWatchArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ParticipantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Participant'] = ResolversParentTypes['Participant']> = {
  entity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['CaseRole']>, ParentType, ContextType>;
};

export type ParticipantConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParticipantConnection'] = ResolversParentTypes['ParticipantConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ParticipantEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ParticipantEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParticipantEdge'] = ResolversParentTypes['ParticipantEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Participant'], ParentType, ContextType>;
};

export type PathResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Path'] = ResolversParentTypes['Path']> = {
  edges?: Resolver<Array<ResolversTypes['ChartEdge']>, ParentType, ContextType>;
  length?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ChartNode']>, ParentType, ContextType>;
};

export type PersonResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person']> = {
  acquaintances?: Resolver<ResolversTypes['PersonConnection'], ParentType, ContextType, RequireFields<PersonAcquaintancesArgs, 'first'>>;
  cases?: Resolver<Array<ResolversTypes['CaseParticipation']>, ParentType, ContextType>;
  crossings?: Resolver<ResolversTypes['CrossingConnection'], ParentType, ContextType, RequireFields<PersonCrossingsArgs, 'first'>>;
  dateOfBirth?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  documentNumbers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  fullName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  merges?: Resolver<Array<ResolversTypes['Merge']>, ParentType, ContextType>;
  nationality?: Resolver<Maybe<ResolversTypes['CountryCode']>, ParentType, ContextType>;
  phones?: Resolver<Array<ResolversTypes['Phone']>, ParentType, ContextType>;
  province?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recruiters?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  relatives?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  sex?: Resolver<Maybe<ResolversTypes['Sex']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['SourceRecord']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PersonConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PersonConnection'] = ResolversParentTypes['PersonConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PersonEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PersonEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PersonEdge'] = ResolversParentTypes['PersonEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
};

export type PhoneResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Phone'] = ResolversParentTypes['Phone']> = {
  calls?: Resolver<ResolversTypes['CallConnection'], ParentType, ContextType, RequireFields<PhoneCallsArgs, 'first'>>;
  e164?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['SourceRecord']>, ParentType, ContextType>;
  users?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  alert?: Resolver<Maybe<ResolversTypes['Alert']>, ParentType, ContextType, RequireFields<QueryAlertArgs, 'id'>>;
  alerts?: Resolver<ResolversTypes['AlertConnection'], ParentType, ContextType, RequireFields<QueryAlertsArgs, 'first'>>;
  auditTrail?: Resolver<ResolversTypes['AuditConnection'], ParentType, ContextType, RequireFields<QueryAuditTrailArgs, 'first'>>;
  checkpoints?: Resolver<Array<ResolversTypes['CheckpointPlace']>, ParentType, ContextType>;
  duplicateCandidates?: Resolver<ResolversTypes['DuplicateConnection'], ParentType, ContextType, RequireFields<QueryDuplicateCandidatesArgs, 'first' | 'minScore'>>;
  entity?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType, RequireFields<QueryEntityArgs, 'ref'>>;
  exportLinkChart?: Resolver<Array<ResolversTypes['ExportFile']>, ParentType, ContextType, RequireFields<QueryExportLinkChartArgs, 'depth' | 'format' | 'maxNodes' | 'seeds'>>;
  exportSavedChart?: Resolver<ResolversTypes['ExportFile'], ParentType, ContextType, RequireFields<QueryExportSavedChartArgs, 'id'>>;
  latestDetectionRun?: Resolver<Maybe<ResolversTypes['DetectionRun']>, ParentType, ContextType>;
  linkChart?: Resolver<ResolversTypes['LinkChart'], ParentType, ContextType, RequireFields<QueryLinkChartArgs, 'depth' | 'layout' | 'maxNodes' | 'seeds'>>;
  node?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  paths?: Resolver<Array<ResolversTypes['Path']>, ParentType, ContextType, RequireFields<QueryPathsArgs, 'first' | 'from' | 'maxLength' | 'to'>>;
  ring?: Resolver<Maybe<ResolversTypes['Ring']>, ParentType, ContextType, RequireFields<QueryRingArgs, 'id'>>;
  ringCandidates?: Resolver<ResolversTypes['RingConnection'], ParentType, ContextType, RequireFields<QueryRingCandidatesArgs, 'first' | 'includeDismissed' | 'unassigned'>>;
  savedChart?: Resolver<Maybe<ResolversTypes['SavedChart']>, ParentType, ContextType, RequireFields<QuerySavedChartArgs, 'id'>>;
  savedCharts?: Resolver<Array<ResolversTypes['SavedChart']>, ParentType, ContextType, RequireFields<QuerySavedChartsArgs, 'first'>>;
  search?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType, RequireFields<QuerySearchArgs, 'first' | 'text'>>;
  timeline?: Resolver<ResolversTypes['Timeline'], ParentType, ContextType, RequireFields<QueryTimelineArgs, 'ids'>>;
  watches?: Resolver<Array<ResolversTypes['Watch']>, ParentType, ContextType>;
  webhookDeadLetters?: Resolver<Array<ResolversTypes['WebhookDeadLetter']>, ParentType, ContextType, RequireFields<QueryWebhookDeadLettersArgs, 'first'>>;
  webhooks?: Resolver<Array<ResolversTypes['Webhook']>, ParentType, ContextType>;
};

export type RecordErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordError'] = ResolversParentTypes['RecordError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Ring'] = ResolversParentTypes['Ring']> = {
  assignee?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  continuesFrom?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  detectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['RingEvidence']>, ParentType, ContextType>;
  factors?: Resolver<Array<ResolversTypes['RiskFactor']>, ParentType, ContextType>;
  firstDetectedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keyBrokers?: Resolver<Array<ResolversTypes['Broker']>, ParentType, ContextType>;
  keyPhones?: Resolver<Array<ResolversTypes['Phone']>, ParentType, ContextType>;
  linkChart?: Resolver<ResolversTypes['LinkChart'], ParentType, ContextType, RequireFields<RingLinkChartArgs, 'depth' | 'maxNodes'>>;
  members?: Resolver<Array<ResolversTypes['RingMember']>, ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['RingNote']>, ParentType, ContextType>;
  personCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RingStatus'], ParentType, ContextType>;
  statusAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  statusBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  statusNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  statusReason?: Resolver<Maybe<ResolversTypes['RingTriageReason']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  triage?: Resolver<Array<ResolversTypes['RingTriageEvent']>, ParentType, ContextType>;
};

export type RingConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RingConnection'] = ResolversParentTypes['RingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['RingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RingEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RingEdge'] = ResolversParentTypes['RingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Ring'], ParentType, ContextType>;
};

export type RingEvidenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RingEvidence'] = ResolversParentTypes['RingEvidence']> = {
  source?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type RingMemberResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RingMember'] = ResolversParentTypes['RingMember']> = {
  entity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RingNoteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RingNote'] = ResolversParentTypes['RingNote']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RingTriageEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RingTriageEvent'] = ResolversParentTypes['RingTriageEvent']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  assignee?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['RingTriageReason']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RingStatus'], ParentType, ContextType>;
};

export type RiskFactorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RiskFactor'] = ResolversParentTypes['RiskFactor']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contribution?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entityIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type SavedChartResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SavedChart'] = ResolversParentTypes['SavedChart']> = {
  chart?: Resolver<ResolversTypes['LinkChart'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  filters?: Resolver<ResolversTypes['ChartFilters'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ownerAgency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  seeds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  sharing?: Resolver<ResolversTypes['ChartSharing'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  entity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  matchedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SourceRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SourceRecord'] = ResolversParentTypes['SourceRecord']> = {
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  alertRaised?: SubscriptionResolver<ResolversTypes['Alert'], "alertRaised", ParentType, ContextType, Partial<SubscriptionAlertRaisedArgs>>;
};

export type TimelineResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Timeline'] = ResolversParentTypes['Timeline']> = {
  events?: Resolver<Array<ResolversTypes['TimelineEvent']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type TimelineEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TimelineEvent'] = ResolversParentTypes['TimelineEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  checkpointId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['CountryCode']>, ParentType, ContextType>;
  entityIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TimelineEventKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  returned?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type WatchResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Watch'] = ResolversParentTypes['Watch']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  entityId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ringId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type WebhookResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Webhook'] = ResolversParentTypes['Webhook']> = {
  agency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clearance?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rules?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookDeadLetterResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDeadLetter'] = ResolversParentTypes['WebhookDeadLetter']> = {
  agency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  alertId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type WebhookRegistrationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookRegistration'] = ResolversParentTypes['WebhookRegistration']> = {
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webhook?: Resolver<ResolversTypes['Webhook'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Alert?: AlertResolvers<ContextType>;
  AlertConnection?: AlertConnectionResolvers<ContextType>;
  AlertEdge?: AlertEdgeResolvers<ContextType>;
  AuditConnection?: AuditConnectionResolvers<ContextType>;
  AuditEdge?: AuditEdgeResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  BorderCrossing?: BorderCrossingResolvers<ContextType>;
  Broker?: BrokerResolvers<ContextType>;
  Call?: CallResolvers<ContextType>;
  CallConnection?: CallConnectionResolvers<ContextType>;
  CallEdge?: CallEdgeResolvers<ContextType>;
  Case?: CaseResolvers<ContextType>;
  CaseParticipation?: CaseParticipationResolvers<ContextType>;
  ChartEdge?: ChartEdgeResolvers<ContextType>;
  ChartFilters?: ChartFiltersResolvers<ContextType>;
  ChartNode?: ChartNodeResolvers<ContextType>;
  ChartSharing?: ChartSharingResolvers<ContextType>;
  Checkpoint?: CheckpointResolvers<ContextType>;
  CheckpointPlace?: CheckpointPlaceResolvers<ContextType>;
  CountryCode?: GraphQLScalarType;
  CrossingConnection?: CrossingConnectionResolvers<ContextType>;
  CrossingEdge?: CrossingEdgeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DetectionRun?: DetectionRunResolvers<ContextType>;
  DuplicateCandidate?: DuplicateCandidateResolvers<ContextType>;
  DuplicateConnection?: DuplicateConnectionResolvers<ContextType>;
  DuplicateEdge?: DuplicateEdgeResolvers<ContextType>;
  DuplicateFactor?: DuplicateFactorResolvers<ContextType>;
  Entity?: EntityResolvers<ContextType>;
  ExportFile?: ExportFileResolvers<ContextType>;
  IngestReport?: IngestReportResolvers<ContextType>;
  LinkChart?: LinkChartResolvers<ContextType>;
  Merge?: MergeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Participant?: ParticipantResolvers<ContextType>;
  ParticipantConnection?: ParticipantConnectionResolvers<ContextType>;
  ParticipantEdge?: ParticipantEdgeResolvers<ContextType>;
  Path?: PathResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PersonConnection?: PersonConnectionResolvers<ContextType>;
  PersonEdge?: PersonEdgeResolvers<ContextType>;
  Phone?: PhoneResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordError?: RecordErrorResolvers<ContextType>;
  Ring?: RingResolvers<ContextType>;
  RingConnection?: RingConnectionResolvers<ContextType>;
  RingEdge?: RingEdgeResolvers<ContextType>;
  RingEvidence?: RingEvidenceResolvers<ContextType>;
  RingMember?: RingMemberResolvers<ContextType>;
  RingNote?: RingNoteResolvers<ContextType>;
  RingTriageEvent?: RingTriageEventResolvers<ContextType>;
  RiskFactor?: RiskFactorResolvers<ContextType>;
  SavedChart?: SavedChartResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  SourceRecord?: SourceRecordResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Timeline?: TimelineResolvers<ContextType>;
  TimelineEvent?: TimelineEventResolvers<ContextType>;
  Watch?: WatchResolvers<ContextType>;
  Webhook?: WebhookResolvers<ContextType>;
  WebhookDeadLetter?: WebhookDeadLetterResolvers<ContextType>;
  WebhookRegistration?: WebhookRegistrationResolvers<ContextType>;
};

