import type { Database } from '../../db/database.ts';
import type { CypherStatementName } from '../../db/cypher-registry.ts';
import type { BrokerKind, EvidenceKind, LicenseStatus, RingProjection } from '../core/index.ts';
import {
  KeptEvidenceGraph,
  type BrokerRecord,
  type CaseTie,
  type CrossingTie,
  type LinkRow,
  type NodeRefresh,
  type PersonRecord,
  type PhoneRecord,
} from './kept-evidence-graph.ts';

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

/**
 * Streams the evidence graph out of Neo4j: people, phones and brokers with the facts that
 * scoring needs, and narrow rows of evidence between them keyed by the database's internal
 * node ids (integers, far narrower than entity ids), into a graph that detection keeps
 * between runs (kept-evidence-graph.ts), which derives co-travel, exits without return, case
 * pairs and likely records of one person from them.
 */
export async function readKeptGraph(
  db: Database,
  onProgress: (stage: string, rows: number) => void = () => undefined,
): Promise<KeptEvidenceGraph> {
  const graph = new KeptEvidenceGraph();
  const [{ maxId } = { maxId: null }] = await db.read<{ maxId: number | null }>('rings/max-node-id');
  const pages = <T extends object>(statement: CypherStatementName, onRecord: (record: T) => void) =>
    streamByIdRange(db, statement, maxId ?? -1, onRecord);
  await pages<{
    nodes: number[];
    ids: string[];
    labels: string[];
    datesOfBirth: string[];
    nameKeys: string[];
    documents: string[][];
  }>('rings/project-people', (bucket) =>
    bucket.nodes.forEach((internalId, i) =>
      graph.addPerson(internalId, {
        entityId: bucket.ids[i]!,
        label: bucket.labels[i]!,
        dateOfBirth: bucket.datesOfBirth[i] || null,
        nameKey: bucket.nameKeys[i] || null,
        documents: bucket.documents[i]!,
      }),
    ),
  );
  await db.stream<CaseTie>('rings/project-case-roles', {}, (row) => graph.addCaseTie(row));
  onProgress('people', graph.people.size);
  await pages<{ nodes: number[]; ids: string[]; labels: string[] }>('rings/project-phones', (bucket) =>
    bucket.nodes.forEach((internalId, i) =>
      graph.addPhone(internalId, { entityId: bucket.ids[i]!, label: bucket.labels[i]! }),
    ),
  );
  await db.stream<BrokerRow>('rings/project-brokers', {}, (row) => graph.addBroker(row.node, brokerRecord(row)));
  onProgress('nodes', graph.nodeCount);
  await pages<{ sources: number[]; targets: number[]; kinds: number[]; counts: number[] }>(
    'rings/project-links',
    ({ sources, targets, kinds, counts }) =>
      sources.forEach((source, i) =>
        graph.addLink({ source, target: targets[i]!, kind: LINK_TYPES[kinds[i]!]!, count: counts[i]! }),
      ),
  );
  onProgress('links', graph.linkCount);
  let crossings = 0;
  await db.stream<CrossingTie>('rings/project-crossings', {}, (row) => {
    graph.addCrossing(row);
    crossings++;
  });
  onProgress('crossings', crossings);
  return graph;
}

/** The whole projection in one read: the kept graph read afresh, and its projection. */
export async function readRingProjection(db: Database, options: ProjectionOptions): Promise<RingProjection> {
  const graph = await readKeptGraph(db, options.onProgress);
  return graph.toProjection({
    referenceDate: options.referenceDate,
    ...(options.maxCaseSize === undefined ? {} : { maxCaseSize: options.maxCaseSize }),
  });
}

/** Touched nodes per statement of a refresh: each statement stays a few thousand node seeks. */
const REFRESH_CHUNK = 5_000;

interface BrokerRow {
  node: number;
  id: string;
  label: string;
  brokerKind: BrokerKind;
  licenseStatus: LicenseStatus;
}

function brokerRecord(row: BrokerRow): BrokerRecord {
  return { entityId: row.id, label: row.label, brokerKind: row.brokerKind, licenseStatus: row.licenseStatus };
}

/**
 * Reads again, for the entities a change touched, what the kept graph holds of them: their
 * records and every link, case tie and crossing with an end among them (see
 * KeptEvidenceGraph.refresh). Only reads; the caller applies the refresh at once.
 */
export async function readRefresh(
  db: Database,
  graph: KeptEvidenceGraph,
  entityIds: readonly string[],
): Promise<NodeRefresh> {
  const nodes = new Set<number>();
  for (const entityId of entityIds) {
    const known = graph.nodeOf(entityId);
    if (known !== undefined) nodes.add(known);
  }
  for (let i = 0; i < entityIds.length; i += REFRESH_CHUNK) {
    const [row] = await db.read<{ nodes: number[] }>('rings/touched-nodes', {
      ids: entityIds.slice(i, i + REFRESH_CHUNK),
    });
    for (const node of row?.nodes ?? []) nodes.add(Number(node));
  }
  const touched = [...nodes];
  const refresh = {
    nodes: touched,
    people: [] as [number, PersonRecord][],
    phones: [] as [number, PhoneRecord][],
    brokers: [] as [number, BrokerRecord][],
    links: [] as LinkRow[],
    caseTies: [] as CaseTie[],
    crossings: [] as number[],
    crossingTies: [] as CrossingTie[],
  };
  const knownCrossings = graph.crossingsOf(nodes);
  const crossings = new Set(knownCrossings);
  for (let i = 0; i < Math.max(touched.length, knownCrossings.length); i += REFRESH_CHUNK) {
    const chunk = { nodes: touched.slice(i, i + REFRESH_CHUNK) };
    for (const row of await db.read<PersonRow>('rings/refresh-people', chunk)) {
      refresh.people.push([
        Number(row.node),
        {
          entityId: row.id,
          label: row.label,
          dateOfBirth: row.dateOfBirth || null,
          nameKey: row.nameKey || null,
          documents: row.documents,
        },
      ]);
    }
    for (const row of await db.read<{ node: number; id: string; label: string }>('rings/refresh-phones', chunk)) {
      refresh.phones.push([Number(row.node), { entityId: row.id, label: row.label }]);
    }
    for (const row of await db.read<BrokerRow>('rings/refresh-brokers', chunk)) {
      refresh.brokers.push([Number(row.node), brokerRecord(row)]);
    }
    for (const row of await db.read<{ source: number; target: number; kind: number; count: number }>(
      'rings/refresh-links',
      chunk,
    )) {
      refresh.links.push({ source: row.source, target: row.target, kind: LINK_TYPES[row.kind]!, count: row.count });
    }
    refresh.caseTies.push(...(await db.read<CaseTie>('rings/refresh-case-ties', chunk)));
    const ties = await db.read<CrossingTie>('rings/refresh-crossings', {
      ...chunk,
      crossings: knownCrossings.slice(i, i + REFRESH_CHUNK),
    });
    for (const tie of ties) crossings.add(tie.crossing);
    refresh.crossingTies.push(...ties);
  }
  refresh.crossings = [...crossings];
  return refresh;
}

interface PersonRow {
  node: number;
  id: string;
  label: string;
  dateOfBirth: string | null;
  nameKey: string | null;
  documents: string[];
}
