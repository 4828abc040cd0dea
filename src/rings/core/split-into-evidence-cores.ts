import type { IncidentRows } from './index-incident-rows.ts';
import { RowEvidence } from './mark-ring-evidence.ts';
import type { EvidenceColumns, ProjectionNode } from './types.ts';

/**
 * A community's evidence cores: the groups of its members that ring evidence (see markRingEvidence)
 * ties together inside the community.
 *
 * Louvain puts every leaf with its neighbour, so a victim's household (tied to her by a home phone
 * and kinship only) lands in the ring's community; it is context, not membership, and is left out.
 * And at a city's scale modularity cannot tell two rings apart that a few calls or acquaintances
 * join (its resolution limit), so one community may hold several rings: each is a core of its own,
 * because nothing but ordinary life ties them. Another record of a member (SAME_PERSON) joins that
 * member's core, and joins two cores into one when both records have evidence of their own. Phones
 * and brokers without ring evidence go with the core whose people they are most tied to.
 *
 * Cores are in the order of their first member; members keep the order of `members`.
 */
export function splitIntoEvidenceCores(
  members: readonly number[],
  nodes: readonly ProjectionNode[],
  columns: EvidenceColumns,
  incident: IncidentRows,
  communityOf: Int32Array,
  evidence: Uint8Array,
): number[][] {
  if (members.length === 0) return [];
  const community = communityOf[members[0]!];
  const position = new Map<number, number>();
  members.forEach((member, i) => position.set(member, i));
  const parent = members.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // The smaller position becomes the root, so a core is named by its first member.
  const union = (a: number, b: number) => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const other = (row: number, self: number) =>
    columns.source[row] === self ? columns.target[row]! : columns.source[row]!;
  const insideRows = function* (member: number) {
    for (let at = incident.offsets[member]!; at < incident.offsets[member + 1]!; at++) {
      const row = incident.rows[at]!;
      const neighbour = other(row, member);
      if (neighbour !== member && communityOf[neighbour] === community) yield { row, neighbour };
    }
  };

  // Ring evidence across the community's border still makes a core (of one, maybe): joinCoreFragments
  // may take it to the ring on the other side.
  const inCore = new Uint8Array(members.length);
  members.forEach((member, i) => {
    for (let at = incident.offsets[member]!; at < incident.offsets[member + 1]!; at++) {
      if (evidence[incident.rows[at]!] === RowEvidence.ring) inCore[i] = 1;
    }
    for (const { row, neighbour } of insideRows(member)) {
      if (evidence[row] === RowEvidence.ring) union(i, position.get(neighbour)!);
    }
  });

  // Other records of a member belong with it, transitively.
  const pending = members.filter((member, i) => inCore[i] === 1 && nodes[member]?.kind === 'PERSON');
  while (pending.length > 0) {
    const member = pending.pop()!;
    for (const { row, neighbour } of insideRows(member)) {
      if (evidence[row] !== RowEvidence.identity) continue;
      const at = position.get(neighbour)!;
      union(position.get(member)!, at);
      if (inCore[at] === 0) {
        inCore[at] = 1;
        pending.push(neighbour);
      }
    }
  }

  // Phones and brokers of ordinary life (a member's own mobile, a household phone) follow their people.
  const attachedTo = new Int32Array(members.length).fill(-1);
  members.forEach((member, i) => {
    if (inCore[i] === 1 || nodes[member]?.kind === 'PERSON') return;
    const ties = new Map<number, number>();
    for (const { neighbour } of insideRows(member)) {
      const at = position.get(neighbour)!;
      if (inCore[at] === 1 && nodes[neighbour]?.kind === 'PERSON') ties.set(root(at), (ties.get(root(at)) ?? 0) + 1);
    }
    let best = -1;
    for (const [core, count] of ties) {
      if (best === -1 || count > ties.get(best)! || (count === ties.get(best)! && core < best)) best = core;
    }
    attachedTo[i] = best;
  });

  const cores = new Map<number, number[]>();
  members.forEach((member, i) => {
    const core = inCore[i] === 1 ? root(i) : attachedTo[i]!;
    if (core === -1) return;
    const list = cores.get(core);
    if (list) list.push(member);
    else cores.set(core, [member]);
  });
  return [...cores.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list);
}
