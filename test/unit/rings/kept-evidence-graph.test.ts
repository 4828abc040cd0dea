import { describe, expect, it } from 'vitest';
import type { EvidenceColumns, RingProjection } from '../../../src/rings/core/index.ts';
import {
  casePairs,
  KeptEvidenceGraph,
  type CaseTie,
  type CrossingTie,
  type LinkRow,
  type PersonRecord,
} from '../../../src/rings/projection/kept-evidence-graph.ts';

interface Store {
  people: Map<number, PersonRecord>;
  phones: Map<number, string>;
  links: LinkRow[];
  caseTies: CaseTie[];
  crossings: CrossingTie[];
}

const person = (id: string, dateOfBirth: string | null = '1990-01-01'): PersonRecord => ({
  entityId: id,
  label: `Person ${id}`,
  dateOfBirth,
  nameKey: `name ${id}`,
  documents: [],
});

/** A small city as a database would hold it: people 1-6, phones 10-11, a case 20, crossings 30-32. */
function city(): Store {
  return {
    people: new Map([1, 2, 3, 4, 5, 6].map((n) => [n, person(`p${n}`, n === 4 ? '2014-05-01' : '1990-01-01')])),
    phones: new Map([
      [10, 'ph10'],
      [11, 'ph11'],
    ]),
    links: [
      { source: 1, target: 10, kind: 'SHARED_PHONE', count: 1 },
      { source: 2, target: 10, kind: 'SHARED_PHONE', count: 1 },
      { source: 3, target: 11, kind: 'SHARED_PHONE', count: 1 },
      { source: 10, target: 11, kind: 'CALLED', count: 25 },
      { source: 1, target: 2, kind: 'KNOWS', count: 1 },
      { source: 5, target: 6, kind: 'RELATIVE_OF', count: 1 },
    ],
    caseTies: [
      { person: 1, caseNode: 20, caseId: 'c20', role: 'SUSPECT', status: 'REPORTED' },
      { person: 2, caseNode: 20, caseId: 'c20', role: 'SUSPECT', status: 'REPORTED' },
      { person: 4, caseNode: 20, caseId: 'c20', role: 'VICTIM', status: 'REPORTED' },
    ],
    crossings: [
      {
        crossing: 30,
        person: 1,
        checkpoint: 40,
        checkpointName: 'Lao Cai',
        direction: 'EXIT',
        at: 1_000,
        country: 'CN',
      },
      {
        crossing: 31,
        person: 4,
        checkpoint: 40,
        checkpointName: 'Lao Cai',
        direction: 'EXIT',
        at: 2_000,
        country: 'CN',
      },
      {
        crossing: 32,
        person: 5,
        checkpoint: 40,
        checkpointName: 'Lao Cai',
        direction: 'EXIT',
        at: 3_000,
        country: 'CN',
      },
    ],
  };
}

/** What a full read of the store gives. */
function fullRead(store: Store): KeptEvidenceGraph {
  const graph = new KeptEvidenceGraph();
  for (const [node, record] of store.people) graph.addPerson(node, record);
  for (const [node, id] of store.phones) graph.addPhone(node, { entityId: id, label: id });
  store.links.forEach((row) => graph.addLink(row));
  store.caseTies.forEach((tie) => graph.addCaseTie(tie));
  store.crossings.forEach((tie) => graph.addCrossing(tie));
  return graph;
}

/** What readRefresh reads of the store for the touched nodes. */
function refreshFrom(graph: KeptEvidenceGraph, store: Store, touched: number[]) {
  const nodes = new Set(touched);
  const incident = (a: number, b: number) => nodes.has(a) || nodes.has(b);
  const crossings = new Set(graph.crossingsOf(nodes));
  for (const tie of store.crossings) if (nodes.has(tie.person) || nodes.has(tie.crossing)) crossings.add(tie.crossing);
  return {
    nodes: touched,
    people: [...store.people].filter(([node]) => nodes.has(node)),
    phones: [...store.phones]
      .filter(([node]) => nodes.has(node))
      .map(([node, id]): [number, { entityId: string; label: string }] => [node, { entityId: id, label: id }]),
    brokers: [],
    links: store.links.filter((row) => incident(row.source, row.target)),
    caseTies: store.caseTies.filter((tie) => incident(tie.person, tie.caseNode)),
    crossings: [...crossings],
    crossingTies: store.crossings.filter((tie) => crossings.has(tie.crossing)),
  };
}

/** A projection as sets, whatever the order of its nodes and rows. */
function canonical(projection: RingProjection) {
  const columns = projection.edges as EvidenceColumns;
  const rows = Array.from(columns.source, (source, row) => {
    const ends = [projection.nodes[source]!.entityId, projection.nodes[columns.target[row]!]!.entityId];
    return `${ends.join('|')}|${columns.kind[row]}|${columns.count[row]}`;
  });
  return { nodes: projection.nodes.map((node) => JSON.stringify(node)).sort(), rows: rows.sort() };
}

const referenceDate = '2026-06-30';

describe('the kept evidence graph', () => {
  it('gives the projection of a full read after a refresh of what a change touched', () => {
    const store = city();
    const graph = fullRead(store);
    const before = canonical(graph.toProjection({ referenceDate }));

    // An ingest: person 7 joins phone 11 and the case; person 3 gets a new crossing with 5.
    store.people.set(7, person('p7'));
    store.links.push({ source: 7, target: 11, kind: 'SHARED_PHONE', count: 1 });
    store.caseTies.push({ person: 7, caseNode: 20, caseId: 'c20', role: 'SUSPECT', status: 'UNDER_INVESTIGATION' });
    store.caseTies.forEach((tie) => (tie.status = 'UNDER_INVESTIGATION'));
    store.crossings.push({
      crossing: 33,
      person: 3,
      checkpoint: 40,
      checkpointName: 'Lao Cai',
      direction: 'EXIT',
      at: 3_100,
      country: 'CN',
    });
    graph.refresh(refreshFrom(graph, store, [7, 11, 20, 3, 33]));
    expect(canonical(graph.toProjection({ referenceDate }))).toEqual(
      canonical(fullRead(store).toProjection({ referenceDate })),
    );
    expect(canonical(graph.toProjection({ referenceDate }))).not.toEqual(before);

    // A merge of 2 into 1: 2 is gone, its links, case tie and crossing are 1's now.
    store.people.delete(2);
    store.links = store.links.filter((row) => !(row.source === 2 || row.target === 2));
    store.caseTies = store.caseTies.filter((tie) => tie.person !== 2);
    graph.refresh(refreshFrom(graph, store, [1, 2]));
    expect(canonical(graph.toProjection({ referenceDate }))).toEqual(
      canonical(fullRead(store).toProjection({ referenceDate })),
    );

    // A new node takes the internal id the merged-away person had.
    store.people.set(2, person('p8'));
    store.links.push({ source: 2, target: 5, kind: 'KNOWS', count: 1 });
    graph.refresh(refreshFrom(graph, store, [2, 5]));
    expect(graph.nodeOf('p2')).toBeUndefined();
    expect(graph.nodeOf('p8')).toBe(2);
    expect(canonical(graph.toProjection({ referenceDate }))).toEqual(
      canonical(fullRead(store).toProjection({ referenceDate })),
    );
  });

  it('differs from a full read where a touched node is left out of the refresh', () => {
    const store = city();
    const graph = fullRead(store);
    store.links.push({ source: 3, target: 4, kind: 'KNOWS', count: 1 });
    graph.refresh(refreshFrom(graph, store, []));
    expect(canonical(graph.toProjection({ referenceDate }))).not.toEqual(
      canonical(fullRead(store).toProjection({ referenceDate })),
    );
  });

  it('pairs the suspects and victims of a case, at most maxCaseSize of them', () => {
    const ties = city().caseTies;
    expect(casePairs(ties, 50).map((p) => [p.source, p.target, p.count])).toEqual([
      [1, 2, 1],
      [1, 4, 1],
      [2, 4, 1],
    ]);
    expect(casePairs(ties, 2)).toEqual([]);
  });
});
