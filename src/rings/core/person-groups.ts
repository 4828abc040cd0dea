import { evidenceKinds } from './types.ts';
import type { EvidenceColumns, ProjectionNode } from './types.ts';

const samePerson = evidenceKinds.indexOf('SAME_PERSON');

/**
 * The real people behind the records: person records tied by SAME_PERSON (the agencies' records of one
 * person, see same-person-evidence.ts) form one group, and what one record knows (a birth date from the
 * registry, an exit from the border guard's log) holds for all. A telecom subscriber record without a birth
 * date or crossings is, through its group, the young person who left.
 */
export interface PersonGroups {
  /** Group number per node index; -1 for phones and brokers. */
  groupOf: Int32Array;
  /** Youngest and oldest age any record of the group gives; NaN when none has a birth date. */
  minAge: Float64Array;
  maxAge: Float64Array;
  /** 1 when a record of the group left for CN/LA/KH and has not come back. */
  exited: Uint8Array;
  /** 1 when a record of the group crossed the border and none of them is still away. */
  returned: Uint8Array;
}

export function groupPersonRecords(nodes: readonly ProjectionNode[], columns: EvidenceColumns): PersonGroups {
  const parent = new Int32Array(nodes.length).map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let row = 0; row < columns.source.length; row++) {
    if (columns.kind[row] !== samePerson) continue;
    const a = root(columns.source[row]!);
    const b = root(columns.target[row]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groupOf = new Int32Array(nodes.length).fill(-1);
  const minAge = new Float64Array(nodes.length).fill(Number.NaN);
  const maxAge = new Float64Array(nodes.length).fill(Number.NaN);
  const exited = new Uint8Array(nodes.length);
  const travelled = new Uint8Array(nodes.length);
  nodes.forEach((node, index) => {
    if (node.kind !== 'PERSON') return;
    const group = root(index);
    groupOf[index] = group;
    const age = node.person.ageYears;
    if (age !== null) {
      if (!(minAge[group]! <= age)) minAge[group] = age;
      if (!(maxAge[group]! >= age)) maxAge[group] = age;
    }
    if (node.person.exitsWithoutReturn.length > 0) exited[group] = 1;
    if (node.person.hasCrossings) travelled[group] = 1;
  });
  const returned = travelled.map((value, group) => (value === 1 && exited[group] === 0 ? 1 : 0));
  return { groupOf, minAge, maxAge, exited, returned };
}

/** Whether the person behind a record is, by every record that gives an age, within [low, high]. */
export function agedWithin(groups: PersonGroups, person: number, low: number, high: number): boolean {
  const group = groups.groupOf[person]!;
  if (group < 0) return false;
  return groups.minAge[group]! >= low && groups.maxAge[group]! <= high;
}
