import type { Database } from '../../db/database.ts';
import type {
  BrokerKind,
  CaseRole,
  EvidenceKind,
  LicenseStatus,
  OpenCase,
  ProjectionNode,
  RingProjection,
} from '../core/index.ts';
import { evidenceKinds } from '../core/index.ts';
import { analyseCrossings, defaultCrossingEvidenceOptions, type CrossingRow } from './crossing-evidence.ts';

export interface ProjectionOptions {
  /** The day ages are counted at ("under 16"); today unless a scenario fixes it. */
  referenceDate: string;
  maxCaseSize?: number;
  onProgress?: (stage: string, rows: number) => void;
}

const EVIDENCE_BY_TYPE: Record<string, EvidenceKind> = {
  USES_PHONE: 'SHARED_PHONE',
  CALLED: 'CALLED',
  RECRUITED_BY: 'RECRUITED_BY',
  OPERATES: 'OPERATES',
  KNOWS: 'KNOWS',
  RELATIVE_OF: 'RELATIVE_OF',
};

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
 * Co-travel and exits without return are derived here from the crossings.
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
  await db.stream<{
    node: number;
    id: string;
    label: string;
    dateOfBirth: string | null;
    roles: CaseRole[];
    openCases: OpenCase[];
  }>('rings/project-people', {}, (row) => {
    const node: ProjectionNode & { kind: 'PERSON' } = {
      kind: 'PERSON',
      entityId: row.id,
      label: row.label,
      person: {
        ageYears: ageOn(options.referenceDate, row.dateOfBirth),
        caseRoles: row.roles.filter(Boolean),
        openCases: row.openCases.filter(Boolean),
        exitsWithoutReturn: [],
        hasCrossings: false,
      },
    };
    people.set(row.node, node);
    addNode(row.node, node);
  });
  progress('people', nodes.length);
  await db.stream<{ node: number; id: string; label: string; users: number; calls: number }>(
    'rings/project-phones',
    {},
    (row) =>
      addNode(row.node, {
        kind: 'PHONE',
        entityId: row.id,
        label: row.label,
        phone: { distinctUsers: row.users, callCount: row.calls },
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
  await db.stream<{ source: number; target: number; type: string; count: number }>('rings/project-links', {}, (row) => {
    const kind = EVIDENCE_BY_TYPE[row.type];
    if (kind) pushEdge(row.source, row.target, kind, row.count);
  });
  progress('links', edges.length);
  await db.stream<{ source: number; target: number; count: number }>(
    'rings/project-case-pairs',
    { maxCaseSize: options.maxCaseSize ?? 50 },
    (row) => pushEdge(row.source, row.target, 'SAME_CASE', row.count),
  );
  progress('case pairs', edges.length);
  await db.stream<{ source: number; target: number; count: number }>(
    'rings/project-same-person-pairs',
    { maxGroup: 10 },
    (row) => pushEdge(row.source, row.target, 'SAME_PERSON', row.count),
  );
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
