import type { IncidentRows } from './index-incident-rows.ts';
import { evidenceKinds, type EvidenceColumns, type EvidenceKind, type ProjectionNode } from './types.ts';

/** Evidence that a person takes part in what the community does, beyond ordinary life. */
const RING_EVIDENCE = new Set<EvidenceKind>(['RECRUITED_BY', 'OPERATES', 'CO_CROSSING', 'SAME_CASE']);

/**
 * A community's evidence core. Louvain puts every leaf with its neighbour, so a victim's
 * household (tied to her by a home phone and kinship only) lands in the ring's community;
 * it is context, not membership. A person is kept when, inside the community, they were
 * recruited, recruited or ran a broker, left with others without return, share a case as
 * suspect or victim, or share a phone with at most `burnerMaxUsers` users (a burner, not a
 * household phone); or when they are another record of a kept person. Phones and brokers
 * are kept when a kept person or kept phone is tied to them.
 */
export function trimToEvidenceCore(
  members: readonly number[],
  nodes: readonly ProjectionNode[],
  columns: EvidenceColumns,
  incident: IncidentRows,
  communityOf: Int32Array,
  burnerMaxUsers: number,
): number[] {
  const community = communityOf[members[0]!];
  const inCommunity = (index: number) => communityOf[index] === community;
  const kindOf = (row: number) => evidenceKinds[columns.kind[row]!]!;
  const other = (row: number, self: number) =>
    columns.source[row] === self ? columns.target[row]! : columns.source[row]!;
  const rowsOf = function* (index: number) {
    for (let i = incident.offsets[index]!; i < incident.offsets[index + 1]!; i++) yield incident.rows[i]!;
  };
  const isBurner = (index: number) => {
    const node = nodes[index];
    return node?.kind === 'PHONE' && node.phone.distinctUsers <= burnerMaxUsers;
  };

  const kept = new Set<number>();
  for (const person of members) {
    if (nodes[person]?.kind !== 'PERSON') continue;
    for (const row of rowsOf(person)) {
      const neighbour = other(row, person);
      if (!inCommunity(neighbour)) continue;
      const kind = kindOf(row);
      if (RING_EVIDENCE.has(kind) || (kind === 'SHARED_PHONE' && isBurner(neighbour))) {
        kept.add(person);
        break;
      }
    }
  }
  // Other records of a kept person belong with it.
  const pending = [...kept];
  while (pending.length) {
    const person = pending.pop()!;
    for (const row of rowsOf(person)) {
      const neighbour = other(row, person);
      if (kindOf(row) === 'SAME_PERSON' && inCommunity(neighbour) && !kept.has(neighbour)) {
        kept.add(neighbour);
        pending.push(neighbour);
      }
    }
  }
  // Phones and brokers that kept people (or kept phones, by calls) are tied to.
  const keptPeople = [...kept];
  for (const person of keptPeople) {
    for (const row of rowsOf(person)) {
      const neighbour = other(row, person);
      if (inCommunity(neighbour) && nodes[neighbour]?.kind !== 'PERSON') kept.add(neighbour);
    }
  }
  return members.filter((index) => kept.has(index));
}
