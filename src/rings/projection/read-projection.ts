import type { Database } from '../../db/database.ts';
import type { CypherStatementName } from '../../db/cypher-registry.ts';
import type {
  BrokerKind,
  CaseRole,
  CaseStatus,
  EvidenceKind,
  LicenseStatus,
  PhoneFacts,
  ProjectionNode,
  RingProjection,
} from '../core/index.ts';
import { evidenceKinds } from '../core/index.ts';
import { analyseCrossings, defaultCrossingEvidenceOptions, type CrossingRow } from './crossing-evidence.ts';
import { SamePersonEvidence } from './same-person-evidence.ts';

export interface ProjectionOptions {
  /** The day ages are counted at ("under 16"); today unless a scenario fixes it. */
  referenceDate: string;
  maxCaseSize?: number;
  onProgress?: (stage: string, rows: number) => void;
}

/** The evidence kind of each relationship type, indexed by project-links.cypher's `kind` codes. */
const LINK_TYPES: readonly EvidenceKind[] = [
  'SHARED_PHONE',
  'CALLED',
  'RECRUITED_BY',
  'OPERATES',
  'KNOWS',
  'RELATIVE_OF',
];

/** Grows typed columns without holding millions of row objects. */
class EdgeColumns {
  private size = 0;
  private source = new Int32Array(1 << 16);
  private target = new Int32Array(1 << 16);
  private kind = new Uint8Array(1 << 16);
  private count = new Float64Array(1 << 16);

  push(source: number, target: number, kind: EvidenceKind, count: number): void {
    if (this.size === this.source.length) this.grow();
    this.source[this.size] = source;
    this.target[this.size] = target;
    this.kind[this.size] = evidenceKinds.indexOf(kind);
    this.count[this.size] = count;
    this.size += 1;
  }

  get length(): number {
    return this.size;
  }

  /** Calls `visit` with each row so far. */
  forEach(visit: (source: number, target: number, kind: number, count: number) => void): void {
    for (let row = 0; row < this.size; row++) {
      visit(this.source[row]!, this.target[row]!, this.kind[row]!, this.count[row]!);
    }
  }

  columns() {
    return {
      source: this.source.slice(0, this.size),
      target: this.target.slice(0, this.size),
      kind: this.kind.slice(0, this.size),
      count: this.count.slice(0, this.size),
    };
  }

  private grow(): void {
    const capacity = this.source.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(array);
      return next;
    };
    this.source = grown(this.source, (n) => new Int32Array(n));
    this.target = grown(this.target, (n) => new Int32Array(n));
    this.kind = grown(this.kind, (n) => new Uint8Array(n));
    this.count = grown(this.count, (n) => new Float64Array(n));
  }
}

const sharedPhone = evidenceKinds.indexOf('SHARED_PHONE');
const called = evidenceKinds.indexOf('CALLED');

/** A phone's users and calls, from the link rows (keyed by node index), as rings describe them. */
function countPhoneUse(phones: Map<number, PhoneFacts>, edges: EdgeColumns): void {
  edges.forEach((source, target, kind, count) => {
    if (kind === sharedPhone) {
      const phone = phones.get(target) ?? phones.get(source);
      if (phone) phone.distinctUsers += 1;
    } else if (kind === called) {
      // Both ends, as an undirected match counts them (a phone that called itself, twice).
      for (const end of [source, target]) {
        const phone = phones.get(end);
        if (phone) phone.callCount += count;
      }
    }
  });
}

/**
 * Node ids per statement of the paged reads: what one statement collects stays small in Neo4j's
 * heap (see project-links.cypher), and a city of millions of nodes takes ten or so statements.
 */
const PAGE_OF_IDS = 1 << 20;
/** Node ids per record within a page: records of a few thousand rows each. */
const BUCKET_OF_IDS = 1 << 12;

/** Runs a statement over each range of node ids up to maxId, handing on its records. */
async function streamByIdRange<T extends object>(
  db: Database,
  statement: CypherStatementName,
  maxId: number,
  onRecord: (record: T) => void,
): Promise<void> {
  for (let from = 0; from <= maxId; from += PAGE_OF_IDS) {
    await db.stream<T>(statement, { from, to: from + PAGE_OF_IDS, bucketSize: BUCKET_OF_IDS }, onRecord);
  }
}

function ageOn(referenceDate: string, dateOfBirth: string | null): number | null {
  if (!dateOfBirth) return null;
  const [ry, rm, rd] = referenceDate.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

/**
 * Streams the evidence graph out of Neo4j: people, phones and brokers with the facts that
 * scoring needs, and narrow rows of evidence between them keyed by the database's internal
 * node ids (integers, far narrower than entity ids; they are only used within this read).
 * Co-travel and exits without return are derived here from the crossings, and likely records
 * of one person from the people's names, birth dates and documents.
 */
export async function readRingProjection(db: Database, options: ProjectionOptions): Promise<RingProjection> {
  const nodes: ProjectionNode[] = [];
  const indexOf = new Map<number, number>();
  const progress = options.onProgress ?? (() => undefined);
  const addNode = (internalId: number, node: ProjectionNode) => {
    indexOf.set(internalId, nodes.length);
    nodes.push(node);
  };

  const people = new Map<number, ProjectionNode & { kind: 'PERSON' }>();
  const [{ maxId } = { maxId: null }] = await db.read<{ maxId: number | null }>('rings/max-node-id');
  const pages = <T extends object>(statement: CypherStatementName, onRecord: (record: T) => void) =>
    streamByIdRange(db, statement, maxId ?? -1, onRecord);
  const samePerson = new SamePersonEvidence();
  await pages<{
    nodes: number[];
    ids: string[];
    labels: string[];
    datesOfBirth: string[];
    nameKeys: string[];
    documents: string[][];
  }>('rings/project-people', (bucket) =>
    bucket.nodes.forEach((internalId, i) => {
      const dateOfBirth = bucket.datesOfBirth[i] || null;
      samePerson.add(internalId, { nameKey: bucket.nameKeys[i] || null, dateOfBirth, documents: bucket.documents[i]! });
      const node: ProjectionNode & { kind: 'PERSON' } = {
        kind: 'PERSON',
        entityId: bucket.ids[i]!,
        label: bucket.labels[i]!,
        person: {
          ageYears: ageOn(options.referenceDate, dateOfBirth),
          caseRoles: [],
          openCases: [],
          exitsWithoutReturn: [],
          hasCrossings: false,
        },
      };
      people.set(internalId, node);
      addNode(internalId, node);
    }),
  );
  await db.stream<{ node: number; role: CaseRole | null; caseId: string; status: CaseStatus | null }>(
    'rings/project-case-roles',
    {},
    ({ node, role, caseId, status }) => {
      const facts = people.get(node)?.person;
      if (!facts) return;
      if (role && !facts.caseRoles.includes(role)) facts.caseRoles.push(role);
      if (status && status !== 'CLOSED' && !facts.openCases.some((open) => open.caseId === caseId)) {
        facts.openCases.push({ caseId, status });
      }
    },
  );
  // In a fixed order, whatever order the rows came in.
  for (const { person } of people.values()) {
    person.caseRoles.sort();
    person.openCases.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  }
  progress('people', nodes.length);
  const phones = new Map<number, PhoneFacts>();
  await pages<{ nodes: number[]; ids: string[]; labels: string[] }>('rings/project-phones', (bucket) =>
    bucket.nodes.forEach((internalId, i) => {
      const phone = { distinctUsers: 0, callCount: 0 };
      phones.set(nodes.length, phone);
      addNode(internalId, { kind: 'PHONE', entityId: bucket.ids[i]!, label: bucket.labels[i]!, phone });
    }),
  );
  await db.stream<{ node: number; id: string; label: string; brokerKind: BrokerKind; licenseStatus: LicenseStatus }>(
    'rings/project-brokers',
    {},
    (row) =>
      addNode(row.node, {
        kind: 'BROKER',
        entityId: row.id,
        label: row.label,
        broker: { brokerKind: row.brokerKind, licenseStatus: row.licenseStatus },
      }),
  );
  progress('nodes', nodes.length);

  const edges = new EdgeColumns();
  const pushEdge = (source: number, target: number, kind: EvidenceKind, count: number) => {
    const s = indexOf.get(source);
    const t = indexOf.get(target);
    if (s !== undefined && t !== undefined) edges.push(s, t, kind, count);
  };
  await pages<{ sources: number[]; targets: number[]; kinds: number[]; counts: number[] }>(
    'rings/project-links',
    ({ sources, targets, kinds, counts }) =>
      sources.forEach((source, i) => pushEdge(source, targets[i]!, LINK_TYPES[kinds[i]!]!, counts[i]!)),
  );
  countPhoneUse(phones, edges);
  progress('links', edges.length);
  await db.stream<{ source: number; target: number; count: number }>(
    'rings/project-case-pairs',
    { maxCaseSize: options.maxCaseSize ?? 50 },
    (row) => pushEdge(row.source, row.target, 'SAME_CASE', row.count),
  );
  progress('case pairs', edges.length);
  for (const pair of samePerson.pairs()) pushEdge(pair.source, pair.target, 'SAME_PERSON', pair.count);
  progress('same-person pairs', edges.length);

  const crossings: CrossingRow[] = [];
  await db.stream<CrossingRow>('rings/project-crossings', {}, (row) => crossings.push(row));
  const evidence = analyseCrossings(crossings, defaultCrossingEvidenceOptions);
  for (const pair of evidence.coCrossings.values()) pushEdge(pair.source, pair.target, 'CO_CROSSING', pair.count);
  for (const traveller of evidence.travellers) {
    const person = people.get(traveller);
    if (!person) continue;
    person.person.hasCrossings = true;
    person.person.exitsWithoutReturn = evidence.exitsWithoutReturn.get(traveller) ?? [];
  }
  progress('crossings', crossings.length);
  return { nodes, edges: edges.columns() };
}
