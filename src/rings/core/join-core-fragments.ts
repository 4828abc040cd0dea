import { brokerStanding } from './broker-standing.ts';
import { compareIds } from './evidence-graph.ts';
import type { IncidentRows } from './index-incident-rows.ts';
import { RowEvidence } from './mark-ring-evidence.ts';
import type { EvidenceColumns, ProjectionNode } from './types.ts';

/**
 * Louvain draws community borders by weight, not by kind of evidence, so it can cut pieces off a
 * ring: a victim whose only tie to the ring is her recruitment by its broker, and who is bound more
 * tightly to another agency's record of herself, may end up in a community of her own; a group of
 * victims who left with an escort may end up, with the border guard's record of the escort, in a
 * community apart from the escort's burners. Such a fragment, a core with fewer than `minSize` people
 * or with nothing that organises a ring (no burner phone, no illicit broker), is a piece of something:
 * fragments tied to one another by ring evidence or identity are one piece, and each piece joins the
 * other core it has the most such ties with, across community borders. Other cores stay apart: two of
 * them are separate rings that ordinary life (or a shared member) ties together.
 *
 * Targets are chosen among the cores as given, so the outcome does not depend on the order in which
 * fragments are visited; ties go to the earlier core. Returns the cores in the order of the earliest
 * core each is made of, members in entity id order.
 */
export function joinCoreFragments(
  cores: readonly (readonly number[])[],
  nodes: readonly ProjectionNode[],
  columns: EvidenceColumns,
  incident: IncidentRows,
  evidence: Uint8Array,
  burners: Uint8Array,
  minSize: number,
): number[][] {
  const coreOf = new Map<number, number>();
  cores.forEach((core, c) => core.forEach((index) => coreOf.set(index, c)));
  const organises = (index: number) => {
    const node = nodes[index];
    return burners[index] === 1 || (node?.kind === 'BROKER' && brokerStanding(node.broker) === 'illicit');
  };
  const isFragment = cores.map(
    (core) => core.filter((index) => nodes[index]?.kind === 'PERSON').length < minSize || !core.some(organises),
  );

  const parent = cores.map((_, c) => c);
  const root = (c: number): number => {
    while (parent[c] !== c) c = parent[c] = parent[parent[c]!]!;
    return c;
  };
  const union = (a: number, b: number) => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // Ring evidence and identity ties from each fragment to the other cores.
  const tiesOf = cores.map((core, c) => {
    const ties = new Map<number, number>();
    if (!isFragment[c]) return ties;
    for (const index of core) {
      for (let at = incident.offsets[index]!; at < incident.offsets[index + 1]!; at++) {
        const row = incident.rows[at]!;
        if (evidence[row] === RowEvidence.none) continue;
        const neighbour = columns.source[row] === index ? columns.target[row]! : columns.source[row]!;
        const other = coreOf.get(neighbour);
        if (other !== undefined && other !== c) ties.set(other, (ties.get(other) ?? 0) + 1);
      }
    }
    return ties;
  });
  // Fragments tied to one another are pieces of one thing first: an online ring's recruitment phones, none
  // of them a burner, each with the recruits it called, some of them called by two phones. Joined one at a
  // time, each piece went to whichever neighbour it had most ties with and the ring stayed in halves.
  tiesOf.forEach((ties, c) => {
    for (const other of ties.keys()) if (isFragment[other]) union(c, other);
  });
  // Then each group of fragments joins the ring it has the most ties with, if any.
  const groupTies = new Map<number, Map<number, number>>();
  tiesOf.forEach((ties, c) => {
    if (!isFragment[c]) return;
    const group = root(c);
    const sum = groupTies.get(group) ?? new Map<number, number>();
    for (const [other, count] of ties) if (!isFragment[other]) sum.set(other, (sum.get(other) ?? 0) + count);
    groupTies.set(group, sum);
  });
  for (const [group, ties] of groupTies) {
    let best = -1;
    for (const [other, count] of ties) {
      if (best === -1 || count > ties.get(best)! || (count === ties.get(best)! && other < best)) best = other;
    }
    if (best !== -1) union(group, best);
  }

  const joined = new Map<number, number[]>();
  cores.forEach((core, c) => {
    const r = root(c);
    const list = joined.get(r);
    if (list) list.push(...core);
    else joined.set(r, [...core]);
  });
  const byEntityId = (a: number, b: number) => compareIds(nodes[a]!.entityId, nodes[b]!.entityId);
  return [...joined.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list.sort(byEntityId));
}
