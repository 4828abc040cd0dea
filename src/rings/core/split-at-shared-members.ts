import { compareIds } from './evidence-graph.ts';
import type { IncidentRows } from './index-incident-rows.ts';
import { RowEvidence } from './mark-ring-evidence.ts';
import type { EvidenceColumns, ProjectionNode } from './types.ts';

export interface SharedMemberInput {
  nodes: readonly ProjectionNode[];
  columns: EvidenceColumns;
  incident: IncidentRows;
  evidence: Uint8Array;
  burners: Uint8Array;
  /** 1 per recruitment phone (see findRecruitmentPhones): an online ring's organising phone. */
  recruitmentPhones?: Uint8Array;
  minSize: number;
}

/**
 * Two rings that share a member (a recruiter who works for both) form one core: the shared person's
 * burners, cases and recruits tie both rings to her. Such a core is split where one person (all her
 * records) is all that holds it together and each side is a ring of its own: at least `minSize` people
 * who share burner phones among themselves, or who were reached by a recruitment phone of their side (an
 * online ring's burners are carried by a recruiter or two and a straw subscriber, so once the shared
 * recruiter is taken out, its burner may have one user left). A ring's exit group, cut off when its only escort is taken
 * out, has no burners of its own and stays. The shared person goes with the side she has the most ring
 * evidence with (the earlier side on a tie); what is on neither side (a member's own phone, people
 * only she held on to) goes with the side it is most tied to.
 *
 * Returns the core unchanged (as one part) or its parts, each in entity id order, recursively split.
 */
export function splitAtSharedMembers(core: readonly number[], input: SharedMemberInput): number[][] {
  const parts: number[][] = [];
  const pending: number[][] = [[...core]];
  while (pending.length > 0) {
    const members = pending.shift()!;
    const split = splitOnce(members, input);
    if (split === null) parts.push(members);
    else pending.unshift(...split);
  }
  return parts;
}

function splitOnce(members: readonly number[], input: SharedMemberInput): number[][] | null {
  const { nodes, columns, incident, evidence, burners, minSize } = input;
  const recruitment = input.recruitmentPhones ?? new Uint8Array(nodes.length);
  const isPerson = (index: number) => nodes[index]?.kind === 'PERSON';
  if (members.filter(isPerson).length < 2 * minSize) return null;
  const byEntityId = (a: number, b: number) => compareIds(nodes[a]!.entityId, nodes[b]!.entityId);
  const sorted = [...members].sort(byEntityId);
  const position = new Map<number, number>();
  sorted.forEach((member, i) => position.set(member, i));

  // Ties inside the core (ring evidence, identity and any), as lists of positions.
  const ringTies: number[][] = sorted.map(() => []);
  const identityTies: number[][] = sorted.map(() => []);
  const anyTies: number[][] = sorted.map(() => []);
  sorted.forEach((member, i) => {
    for (let at = incident.offsets[member]!; at < incident.offsets[member + 1]!; at++) {
      const row = incident.rows[at]!;
      const neighbour = columns.source[row] === member ? columns.target[row]! : columns.source[row]!;
      const j = position.get(neighbour);
      if (j === undefined || j === i) continue;
      anyTies[i]!.push(j);
      if (evidence[row] === RowEvidence.ring) ringTies[i]!.push(j);
      else if (evidence[row] === RowEvidence.identity) identityTies[i]!.push(j);
    }
  });

  // A person is all her records: the groups that identity ties join.
  const personOf = new Int32Array(sorted.length).fill(-1);
  const persons: number[][] = [];
  sorted.forEach((member, i) => {
    if (!isPerson(member) || personOf[i] !== -1) return;
    const records = [i];
    personOf[i] = persons.length;
    for (let k = 0; k < records.length; k++) {
      for (const j of identityTies[records[k]!]!) {
        if (personOf[j] === -1 && isPerson(sorted[j]!)) {
          personOf[j] = persons.length;
          records.push(j);
        }
      }
    }
    persons.push(records);
  });

  // Only a burner user can hold two rings' burner networks together.
  const usesBurner = (records: readonly number[]) =>
    records.some((i) => ringTies[i]!.some((j) => burners[sorted[j]!] === 1));
  for (let candidate = 0; candidate < persons.length; candidate++) {
    if (!usesBurner(persons[candidate]!)) continue;
    const removed = new Uint8Array(sorted.length);
    for (const i of persons[candidate]!) removed[i] = 1;
    const componentOf = components(sorted.length, removed, ringTies, identityTies);
    const rings = ringLikeComponents(componentOf, sorted, personOf, ringTies, { burners, recruitment }, minSize);
    if (rings.length < 2) continue;
    return assemble(sorted, componentOf, rings, persons[candidate]!, { ringTies, anyTies }, byEntityId);
  }
  return null;
}

function components(
  size: number,
  removed: Uint8Array,
  ringTies: readonly number[][],
  identityTies: readonly number[][],
): Int32Array {
  const componentOf = new Int32Array(size).fill(-1);
  let count = 0;
  for (let start = 0; start < size; start++) {
    if (removed[start] === 1 || componentOf[start] !== -1) continue;
    const stack = [start];
    componentOf[start] = count;
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (const j of [...ringTies[i]!, ...identityTies[i]!]) {
        if (removed[j] === 0 && componentOf[j] === -1) {
          componentOf[j] = count;
          stack.push(j);
        }
      }
    }
    count++;
  }
  return componentOf;
}

/** Components with at least minSize people and a burner that two of them use, or a recruitment phone. */
function ringLikeComponents(
  componentOf: Int32Array,
  sorted: readonly number[],
  personOf: Int32Array,
  ringTies: readonly number[][],
  { burners, recruitment }: { burners: Uint8Array; recruitment: Uint8Array },
  minSize: number,
): number[] {
  const people = new Map<number, Set<number>>();
  const burnerUsers = new Map<number, Set<number>>();
  sorted.forEach((member, i) => {
    const c = componentOf[i]!;
    if (c === -1) return;
    if (personOf[i] !== -1) (people.get(c) ?? people.set(c, new Set()).get(c)!).add(personOf[i]!);
    if (recruitment[member] === 1) {
      (burnerUsers.get(c) ?? burnerUsers.set(c, new Set()).get(c)!).add(i);
      return;
    }
    if (burners[member] !== 1) return;
    const users = new Set(
      ringTies[i]!.filter((j) => componentOf[j] === c && personOf[j] !== -1).map((j) => personOf[j]!),
    );
    const known = burnerUsers.get(c) ?? new Set<number>();
    if (users.size >= 2) known.add(i);
    burnerUsers.set(c, known);
  });
  return [...people.keys()]
    .filter((c) => people.get(c)!.size >= minSize && (burnerUsers.get(c)?.size ?? 0) > 0)
    .sort((a, b) => a - b);
}

function assemble(
  sorted: readonly number[],
  componentOf: Int32Array,
  rings: readonly number[],
  shared: readonly number[],
  ties: { ringTies: readonly number[][]; anyTies: readonly number[][] },
  byEntityId: (a: number, b: number) => number,
): number[][] {
  /** The ring side the given positions are most tied to; `fallback` with no ties, the earlier side on a tie. */
  const closest = (positions: readonly number[], lists: readonly number[][], fallback: number) => {
    const counts = new Map<number, number>();
    for (const i of positions) {
      for (const j of lists[i]!) {
        const c = componentOf[j]!;
        if (rings.includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    let best = -1;
    for (const c of rings) if (counts.has(c) && (best === -1 || counts.get(c)! > counts.get(best)!)) best = c;
    return best === -1 ? fallback : best;
  };
  const home = closest(shared, ties.ringTies, rings[0]!);
  const sideOf = new Map<number, number>(rings.map((c) => [c, c]));
  // What is on neither side goes where it is most tied; with her when only she held on to it.
  const others = new Map<number, number[]>();
  sorted.forEach((_, i) => {
    const c = componentOf[i]!;
    if (c !== -1 && !rings.includes(c)) (others.get(c) ?? others.set(c, []).get(c)!).push(i);
  });
  for (const [c, positions] of others) sideOf.set(c, closest(positions, ties.anyTies, home));
  const parts = new Map<number, number[]>(rings.map((c) => [c, []]));
  sorted.forEach((member, i) => {
    const c = componentOf[i]!;
    parts.get(c === -1 ? home : sideOf.get(c)!)!.push(member);
  });
  return rings.map((c) => parts.get(c)!.sort(byEntityId));
}
