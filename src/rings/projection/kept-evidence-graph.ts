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

export interface PersonRecord {
  entityId: string;
  label: string;
  dateOfBirth: string | null;
  nameKey: string | null;
  documents: string[];
}

export interface PhoneRecord {
  entityId: string;
  label: string;
}

export interface BrokerRecord {
  entityId: string;
  label: string;
  brokerKind: BrokerKind;
  licenseStatus: LicenseStatus;
}

/** A direct link between two nodes (by the database's internal ids), as project-links.cypher reads it. */
export interface LinkRow {
  source: number;
  target: number;
  kind: EvidenceKind;
  count: number;
}

/** A person's part in a case (INVOLVED_IN), with the case's status. */
export interface CaseTie {
  person: number;
  caseNode: number;
  caseId: string;
  role: CaseRole | null;
  status: CaseStatus | null;
}

/** A border crossing as one person made it (BorderCrossing node `crossing`). */
export interface CrossingTie extends CrossingRow {
  crossing: number;
}

/** Where in the change feed the graph stands: the last record it has applied. */
export interface FeedAnchor {
  seq: number;
  batchId: string;
  at: string;
}

/**
 * What was read again for a set of touched nodes: each one's current record (none when it is
 * gone), and every link, case tie and crossing with an end among them.
 */
export interface NodeRefresh {
  /** The touched nodes: internal ids now and as the graph knew them. */
  nodes: readonly number[];
  people: readonly [number, PersonRecord][];
  phones: readonly [number, PhoneRecord][];
  brokers: readonly [number, BrokerRecord][];
  links: readonly LinkRow[];
  caseTies: readonly CaseTie[];
  /** Crossings whose rows were read again, whole (every person who made each). */
  crossings: readonly number[];
  crossingTies: readonly CrossingTie[];
}

const CASE_PAIR_ROLES = new Set<CaseRole | null>(['SUSPECT', 'VICTIM', 'SUSPECTED_VICTIM']);

/** Grows typed columns of link rows, so a city's millions of links are not millions of objects. */
class LinkColumns {
  size = 0;
  source = new Int32Array(1 << 12);
  target = new Int32Array(1 << 12);
  kind = new Uint8Array(1 << 12);
  count = new Float64Array(1 << 12);

  push(source: number, target: number, kind: number, count: number): void {
    if (this.size === this.source.length) this.grow(this.size * 2);
    this.source[this.size] = source;
    this.target[this.size] = target;
    this.kind[this.size] = kind;
    this.count[this.size] = count;
    this.size += 1;
  }

  /** Keeps the rows for which `keep` holds, in their order, in place. */
  retain(keep: (source: number, target: number) => boolean): void {
    let kept = 0;
    for (let row = 0; row < this.size; row++) {
      if (!keep(this.source[row]!, this.target[row]!)) continue;
      this.source[kept] = this.source[row]!;
      this.target[kept] = this.target[row]!;
      this.kind[kept] = this.kind[row]!;
      this.count[kept] = this.count[row]!;
      kept++;
    }
    this.size = kept;
  }

  private grow(capacity: number): void {
    const source = new Int32Array(capacity);
    source.set(this.source);
    const target = new Int32Array(capacity);
    target.set(this.target);
    const kind = new Uint8Array(capacity);
    kind.set(this.kind);
    const count = new Float64Array(capacity);
    count.set(this.count);
    Object.assign(this, { source, target, kind, count });
  }
}

function ageOn(referenceDate: string, dateOfBirth: string | null): number | null {
  if (!dateOfBirth) return null;
  const [ry, rm, rd] = referenceDate.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

const byNumber = (a: number, b: number) => a - b;
const sharedPhone = evidenceKinds.indexOf('SHARED_PHONE');
const called = evidenceKinds.indexOf('CALLED');

/**
 * The evidence graph as the database holds it, kept between detection runs: each person, phone
 * and broker by the database's internal node id, and the raw rows between them (links, case
 * ties, crossings). Everything a run derives from them (phone use, case roles and pairs,
 * same-person pairs, co-travel, exits without return, ages) is derived again by toProjection
 * on every run, from the whole graph, so that a graph brought up to date by `refresh` gives the
 * very projection that a full read of the same data gives (docs/decisions/0018).
 *
 * A refresh replaces, for a set of touched nodes, the node records and every row with an end
 * among them. Every writer lists in the change feed each entity whose record or rows it
 * changed (both ends of a link; the kept and the merged person of a merge, to which every
 * moved relationship is incident), so the rows not incident to a touched node are as the
 * database has them, and the rows read again are the others.
 */
export class KeptEvidenceGraph {
  readonly people = new Map<number, PersonRecord>();
  readonly phones = new Map<number, PhoneRecord>();
  readonly brokers = new Map<number, BrokerRecord>();
  private readonly links = new LinkColumns();
  private caseTies: CaseTie[] = [];
  private crossingTies: CrossingTie[] = [];
  /** Internal node id of each person, phone and broker by entity id. */
  private readonly nodeOfEntity = new Map<string, number>();
  /** The feed record the graph is up to date with; null when the feed was empty. */
  anchor: FeedAnchor | null = null;

  addPerson(node: number, person: PersonRecord): void {
    this.people.set(node, person);
    this.nodeOfEntity.set(person.entityId, node);
  }

  addPhone(node: number, phone: PhoneRecord): void {
    this.phones.set(node, phone);
    this.nodeOfEntity.set(phone.entityId, node);
  }

  addBroker(node: number, broker: BrokerRecord): void {
    this.brokers.set(node, broker);
    this.nodeOfEntity.set(broker.entityId, node);
  }

  addLink(row: LinkRow): void {
    this.links.push(row.source, row.target, evidenceKinds.indexOf(row.kind), row.count);
  }

  addCaseTie(tie: CaseTie): void {
    this.caseTies.push(tie);
  }

  addCrossing(tie: CrossingTie): void {
    this.crossingTies.push(tie);
  }

  /** People, phones and brokers. */
  get nodeCount(): number {
    return this.people.size + this.phones.size + this.brokers.size;
  }

  get linkCount(): number {
    return this.links.size;
  }

  /** The internal node id the graph knows an entity by, if it is a person, phone or broker it holds. */
  nodeOf(entityId: string): number | undefined {
    return this.nodeOfEntity.get(entityId);
  }

  /** The crossings the graph holds for any of these nodes (as the person or as the crossing). */
  crossingsOf(nodes: ReadonlySet<number>): number[] {
    const found = new Set<number>();
    for (const tie of this.crossingTies) if (nodes.has(tie.person) || nodes.has(tie.crossing)) found.add(tie.crossing);
    return [...found];
  }

  /**
   * Replaces what the graph holds for the touched nodes with what was read again for them.
   * Synchronous, so a run never sees a graph half refreshed.
   */
  refresh(update: NodeRefresh): void {
    const touched = new Set(update.nodes);
    for (const node of touched) {
      for (const table of [this.people, this.phones, this.brokers] as Map<number, { entityId: string }>[]) {
        const known = table.get(node);
        if (!known) continue;
        table.delete(node);
        if (this.nodeOfEntity.get(known.entityId) === node) this.nodeOfEntity.delete(known.entityId);
      }
    }
    for (const [node, person] of update.people) this.addPerson(node, person);
    for (const [node, phone] of update.phones) this.addPhone(node, phone);
    for (const [node, broker] of update.brokers) this.addBroker(node, broker);
    this.links.retain((source, target) => !touched.has(source) && !touched.has(target));
    for (const row of update.links) this.addLink(row);
    this.caseTies = this.caseTies.filter((tie) => !touched.has(tie.person) && !touched.has(tie.caseNode));
    this.caseTies.push(...update.caseTies);
    const crossings = new Set(update.crossings);
    this.crossingTies = this.crossingTies.filter((tie) => !crossings.has(tie.crossing));
    this.crossingTies.push(...update.crossingTies);
  }

  /**
   * The projection the ring core takes, derived from the whole graph: nodes in a fixed order
   * (people, phones, brokers, each by internal id), facts and evidence rows counted afresh.
   */
  toProjection(options: { referenceDate: string; maxCaseSize?: number }): RingProjection {
    const nodes: ProjectionNode[] = [];
    const indexOf = new Map<number, number>();
    const people = new Map<number, ProjectionNode & { kind: 'PERSON' }>();
    const samePerson = new SamePersonEvidence();
    for (const internalId of [...this.people.keys()].sort(byNumber)) {
      const record = this.people.get(internalId)!;
      samePerson.add(internalId, record);
      const node: ProjectionNode & { kind: 'PERSON' } = {
        kind: 'PERSON',
        entityId: record.entityId,
        label: record.label,
        person: {
          ageYears: ageOn(options.referenceDate, record.dateOfBirth),
          caseRoles: [],
          openCases: [],
          exitsWithoutReturn: [],
          hasCrossings: false,
        },
      };
      people.set(internalId, node);
      indexOf.set(internalId, nodes.length);
      nodes.push(node);
    }
    const phones = new Map<number, PhoneFacts>();
    for (const internalId of [...this.phones.keys()].sort(byNumber)) {
      const record = this.phones.get(internalId)!;
      const phone = { distinctUsers: 0, callCount: 0 };
      phones.set(nodes.length, phone);
      indexOf.set(internalId, nodes.length);
      nodes.push({ kind: 'PHONE', entityId: record.entityId, label: record.label, phone });
    }
    for (const internalId of [...this.brokers.keys()].sort(byNumber)) {
      const { entityId, label, brokerKind, licenseStatus } = this.brokers.get(internalId)!;
      indexOf.set(internalId, nodes.length);
      nodes.push({ kind: 'BROKER', entityId, label, broker: { brokerKind, licenseStatus } });
    }

    for (const tie of this.caseTies) {
      const facts = people.get(tie.person)?.person;
      if (!facts) continue;
      if (tie.role && !facts.caseRoles.includes(tie.role)) facts.caseRoles.push(tie.role);
      if (tie.status && tie.status !== 'CLOSED' && !facts.openCases.some((open) => open.caseId === tie.caseId)) {
        facts.openCases.push({ caseId: tie.caseId, status: tie.status });
      }
    }
    // In a fixed order, whatever order the rows came in.
    for (const { person } of people.values()) {
      person.caseRoles.sort();
      person.openCases.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
    }

    const edges = new LinkColumns();
    const pushEdge = (source: number, target: number, kind: number, count: number) => {
      const s = indexOf.get(source);
      const t = indexOf.get(target);
      if (s !== undefined && t !== undefined) edges.push(s, t, kind, count);
    };
    const { links } = this;
    for (let row = 0; row < links.size; row++) {
      pushEdge(links.source[row]!, links.target[row]!, links.kind[row]!, links.count[row]!);
    }
    // A phone's users and calls, from the link rows, as rings describe them.
    for (let row = 0; row < edges.size; row++) {
      const kind = edges.kind[row]!;
      if (kind === sharedPhone) {
        const phone = phones.get(edges.target[row]!) ?? phones.get(edges.source[row]!);
        if (phone) phone.distinctUsers += 1;
      } else if (kind === called) {
        // Both ends, as an undirected match counts them (a phone that called itself, twice).
        for (const end of [edges.source[row]!, edges.target[row]!]) {
          const phone = phones.get(end);
          if (phone) phone.callCount += edges.count[row]!;
        }
      }
    }

    for (const pair of casePairs(this.caseTies, options.maxCaseSize ?? 50)) {
      pushEdge(pair.source, pair.target, evidenceKinds.indexOf('SAME_CASE'), pair.count);
    }
    const samePersonKind = evidenceKinds.indexOf('SAME_PERSON');
    for (const pair of samePerson.pairs()) pushEdge(pair.source, pair.target, samePersonKind, pair.count);

    const evidence = analyseCrossings(this.crossingTies, defaultCrossingEvidenceOptions);
    const coCrossing = evidenceKinds.indexOf('CO_CROSSING');
    for (const pair of evidence.coCrossings.values()) pushEdge(pair.source, pair.target, coCrossing, pair.count);
    for (const traveller of evidence.travellers) {
      const person = people.get(traveller);
      if (!person) continue;
      person.person.hasCrossings = true;
      person.person.exitsWithoutReturn = evidence.exitsWithoutReturn.get(traveller) ?? [];
    }
    return {
      nodes,
      edges: {
        source: edges.source.slice(0, edges.size),
        target: edges.target.slice(0, edges.size),
        kind: edges.kind.slice(0, edges.size),
        count: edges.count.slice(0, edges.size),
      },
    };
  }
}

/**
 * People who share a case as suspects or (suspected) victims, one pair per two of them with the
 * number of such cases. Witnesses and reporters (often a victim's family) tie no one to a ring;
 * cases with more such people than maxCaseSize (a mass incident) say little about who works
 * together.
 */
export function casePairs(
  ties: readonly CaseTie[],
  maxCaseSize: number,
): { source: number; target: number; count: number }[] {
  const byCase = new Map<number, Set<number>>();
  for (const tie of ties) {
    if (!CASE_PAIR_ROLES.has(tie.role)) continue;
    (byCase.get(tie.caseNode) ?? byCase.set(tie.caseNode, new Set()).get(tie.caseNode)!).add(tie.person);
  }
  const counts = new Map<string, { source: number; target: number; count: number }>();
  for (const members of byCase.values()) {
    if (members.size < 2 || members.size > maxCaseSize) continue;
    const people = [...members];
    for (let i = 0; i < people.length - 1; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const [source, target] = people[i]! < people[j]! ? [people[i]!, people[j]!] : [people[j]!, people[i]!];
        const key = `${source}|${target}`;
        const pair = counts.get(key);
        if (pair) pair.count += 1;
        else counts.set(key, { source, target, count: 1 });
      }
    }
  }
  return [...counts.values()];
}
