import { agedWithin, type PersonGroups } from './person-groups.ts';
import { evidenceKinds } from './types.ts';
import type { EvidenceColumns, ProjectionNode } from './types.ts';

const coCrossing = evidenceKinds.indexOf('CO_CROSSING');
const relativeOf = evidenceKinds.indexOf('RELATIVE_OF');

/** A child under 16 who left with an adult relative, who came back alone. */
export interface KinEscortedExit {
  /** Person records (node indexes) of the child and the adult, as the crossing log has them. */
  child: number;
  adult: number;
  /** The child is a relative's relative (a niece or nephew through a parent), not a direct relative. */
  throughParent: boolean;
}

export interface KinEscortedExits {
  exits: KinEscortedExit[];
  /** RELATIVE_OF rows directly between such an adult and such a child: ring evidence, not family life. */
  rows: number[];
}

/**
 * Family-run child trafficking: an aunt or uncle takes two or three nieces under 16 across the border and
 * comes back alone. Kinship ties are ordinary family life everywhere else (damped, never ring evidence),
 * which buried these small rings among ordinary communities; this reads them as what they are here: a pair
 * who left together (CO_CROSSING) where one is under `minorAgeYears` and has not come back, the other is an
 * adult who has come back, and the two are relatives, directly or through the child's parent (the registry
 * ties an aunt to her siblings, not always to their children). Records of one person count as one
 * (PersonGroups). A tour group or a school trip comes back whole; a family that emigrates leaves together.
 */
export function findKinEscortedExits(
  nodes: readonly ProjectionNode[],
  columns: EvidenceColumns,
  groups: PersonGroups,
  minorAgeYears: number,
): KinEscortedExits {
  const kin = new Map<number, Map<number, number[]>>();
  const addKin = (a: number, b: number, row: number) => {
    const ties = kin.get(a) ?? kin.set(a, new Map()).get(a)!;
    ties.set(b, [...(ties.get(b) ?? []), row]);
  };
  const groupOf = (node: number) => (nodes[node]?.kind === 'PERSON' ? groups.groupOf[node]! : -1);
  for (let row = 0; row < columns.source.length; row++) {
    if (columns.kind[row] !== relativeOf) continue;
    const a = groupOf(columns.source[row]!);
    const b = groupOf(columns.target[row]!);
    if (a < 0 || b < 0 || a === b) continue;
    addKin(a, b, row);
    addKin(b, a, row);
  }

  const isChildGone = (node: number) =>
    agedWithin(groups, node, 0, minorAgeYears - 1) && groups.exited[groups.groupOf[node]!] === 1;
  const isAdultBack = (node: number) =>
    agedWithin(groups, node, 18, 150) && groups.returned[groups.groupOf[node]!] === 1;

  const exits: KinEscortedExit[] = [];
  const rows = new Set<number>();
  for (let row = 0; row < columns.source.length; row++) {
    if (columns.kind[row] !== coCrossing) continue;
    const ends = [columns.source[row]!, columns.target[row]!] as const;
    for (const [child, adult] of [ends, [ends[1], ends[0]]] as const) {
      if (nodes[child]?.kind !== 'PERSON' || nodes[adult]?.kind !== 'PERSON') continue;
      if (!isChildGone(child) || !isAdultBack(adult)) continue;
      const childGroup = groups.groupOf[child]!;
      const adultKin = kin.get(groups.groupOf[adult]!);
      if (!adultKin) continue;
      const direct = adultKin.get(childGroup);
      if (direct) {
        exits.push({ child, adult, throughParent: false });
        for (const tie of direct) rows.add(tie);
        continue;
      }
      const throughParent = [...adultKin.keys()].some(
        (relative) => agedWithin(groups, relative, 18, 150) && kin.get(relative)?.has(childGroup) === true,
      );
      if (throughParent) exits.push({ child, adult, throughParent: true });
    }
  }
  return { exits, rows: [...rows].sort((a, b) => a - b) };
}
