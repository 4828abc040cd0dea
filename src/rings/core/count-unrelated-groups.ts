import { nameKey } from '../../text/fold-name.ts';
import type { IncidentRows } from './index-incident-rows.ts';
import { evidenceKinds } from './types.ts';
import type { EvidenceColumns, ProjectionNode } from './types.ts';

const relativeOf = evidenceKinds.indexOf('RELATIVE_OF');
const samePerson = evidenceKinds.indexOf('SAME_PERSON');

/**
 * How many unrelated people use a phone, of its users (node indexes): users tied to one another by kinship
 * or identity form one group, and so do users of one name (a SIM subscriber's record without a birth date,
 * which SAME_PERSON leaves untied where the city has a child of the same name, is on the phone with the
 * registry's record of that person, not a stranger).
 */
export function countUnrelatedGroups(
  users: readonly number[],
  nodes: readonly ProjectionNode[],
  columns: EvidenceColumns,
  incident: IncidentRows,
): number {
  const other = (row: number, self: number) =>
    columns.source[row] === self ? columns.target[row]! : columns.source[row]!;
  const position = new Map<number, number>();
  for (const user of users) if (!position.has(user)) position.set(user, position.size);
  const parent = Array.from({ length: position.size }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  let groups = position.size;
  for (const [user, at] of position) {
    for (let i = incident.offsets[user]!; i < incident.offsets[user + 1]!; i++) {
      const row = incident.rows[i]!;
      const kind = columns.kind[row];
      if (kind !== relativeOf && kind !== samePerson) continue;
      const tied = position.get(other(row, user));
      if (tied === undefined) continue;
      const a = root(at);
      const b = root(tied);
      if (a !== b) {
        parent[a] = b;
        groups--;
      }
    }
  }
  // Names are folded only for the few phones that still look shared, not for every household's.
  if (groups < 2) return groups;
  const byName = new Map<string, number>();
  for (const [user, at] of position) {
    const node = nodes[user];
    if (node?.kind !== 'PERSON') continue;
    const key = nameKey(node.label);
    if (key === '') continue;
    const first = byName.get(key);
    if (first === undefined) {
      byName.set(key, at);
      continue;
    }
    const a = root(at);
    const b = root(first);
    if (a !== b) {
      parent[a] = b;
      groups--;
    }
  }
  return groups;
}
