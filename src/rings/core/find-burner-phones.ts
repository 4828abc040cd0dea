import { countUnrelatedGroups } from './count-unrelated-groups.ts';
import type { IncidentRows } from './index-incident-rows.ts';
import { evidenceKinds } from './types.ts';
import type { EvidenceColumns, ProjectionNode, ScoringOptions } from './types.ts';

const sharedPhone = evidenceKinds.indexOf('SHARED_PHONE');
const called = evidenceKinds.indexOf('CALLED');

/**
 * Phones bought for an operation, as a flag per node index (1 = burner).
 *
 * Counting users alone cannot tell a burner from a household phone (a family of three) or from a
 * personal mobile that three agencies each filed under their own record of its owner. So users are
 * counted as unrelated groups: users tied by RELATIVE_OF or SAME_PERSON count once, and so do users of
 * one name (a SIM subscriber's record without a birth date, which SAME_PERSON leaves untied where the
 * city has a child of the same name, is on the phone with the registry's record of that person, not a
 * stranger). A phone is shared
 * when 2 to `burnerMaxUsers` unrelated groups use it, and it is a burner when it also called other
 * shared phones at least `burnerMinCalls` times: a ring's members call one another on their burners,
 * while a family's home phone takes calls from the family's own mobiles.
 */
export function findBurnerPhones(
  nodes: readonly ProjectionNode[],
  columns: EvidenceColumns,
  incident: IncidentRows,
  scoring: Pick<ScoringOptions, 'burnerMaxUsers' | 'burnerMinCalls'>,
): Uint8Array {
  const other = (row: number, self: number) =>
    columns.source[row] === self ? columns.target[row]! : columns.source[row]!;
  const shared = new Uint8Array(nodes.length);
  nodes.forEach((node, phone) => {
    if (node.kind !== 'PHONE') return;
    const users: number[] = [];
    for (let at = incident.offsets[phone]!; at < incident.offsets[phone + 1]!; at++) {
      const row = incident.rows[at]!;
      if (columns.kind[row] === sharedPhone) users.push(other(row, phone));
    }
    if (users.length < 2) return;
    const groups = countUnrelatedGroups(users, nodes, columns, incident);
    if (groups >= 2 && groups <= scoring.burnerMaxUsers) shared[phone] = 1;
  });

  const burners = new Uint8Array(nodes.length);
  shared.forEach((isShared, phone) => {
    if (isShared === 0) return;
    let calls = 0;
    for (let at = incident.offsets[phone]!; at < incident.offsets[phone + 1]!; at++) {
      const row = incident.rows[at]!;
      const callee = other(row, phone);
      if (columns.kind[row] === called && callee !== phone && shared[callee] === 1) calls += columns.count[row]!;
    }
    if (calls >= scoring.burnerMinCalls) burners[phone] = 1;
  });
  return burners;
}
