import { brokerStanding } from './broker-standing.ts';
import { evidenceKinds } from './types.ts';
import type { EvidenceColumns, EvidenceKind, ProjectionNode } from './types.ts';

/** What an evidence row says about two entities being in one ring. */
export const RowEvidence = {
  /** Ordinary life: calls, acquaintance, kinship, a household phone, a licensed agency's recruits. */
  none: 0,
  /** What a ring does: a shared burner, illicit recruitment, leaving together for good, a shared case. */
  ring: 1,
  /** Two records of one person: joins what each record is tied to, but is no evidence of a ring by itself. */
  identity: 2,
} as const;

const kindOf = (name: EvidenceKind) => evidenceKinds.indexOf(name);
const recruitedBy = kindOf('RECRUITED_BY');
const operates = kindOf('OPERATES');
const sharedPhone = kindOf('SHARED_PHONE');
const called = kindOf('CALLED');
const coCrossing = kindOf('CO_CROSSING');
const sameCase = kindOf('SAME_CASE');
const samePerson = kindOf('SAME_PERSON');

/** Evidence that only a pattern over several rows shows (see findRecruitmentPhones, findKinEscortedExits). */
export interface PatternEvidence {
  /** 1 per recruitment phone: its users are ring evidence. */
  recruitmentPhones?: Uint8Array;
  /** Rows that are ring evidence whatever their kind: a recruitment phone's calls to the young people it reached and their use of their phones, an adult relative's kinship with the child they took across. */
  rows?: Iterable<number>;
}

/**
 * Classifies every evidence row (see RowEvidence). Burners come from findBurnerPhones. Calls between two
 * phones that each are a burner or a recruitment phone are ring evidence. Co-crossings
 * are already only pairs who left together with at least one of them not coming back, and shared
 * cases only suspects and victims, so both count as ring evidence as they are. Patterns add their rows.
 */
export function markRingEvidence(
  nodes: readonly ProjectionNode[],
  columns: EvidenceColumns,
  burners: Uint8Array,
  patterns: PatternEvidence = {},
): Uint8Array {
  const rowCount = columns.source.length;
  const marks = new Uint8Array(rowCount);
  const recruitment = patterns.recruitmentPhones;
  const illicit = (index: number) => {
    const node = nodes[index];
    return node?.kind === 'BROKER' && brokerStanding(node.broker) === 'illicit';
  };
  // A ring's own phones calling one another is how it coordinates: two burners, or a recruitment phone
  // and another phone of the operation. An online ring's recruitment phone is often used by its straw
  // subscriber alone, so it is no burner, yet it calls the recruiters' burners as they do one another.
  const organising = (index: number) => burners[index] === 1 || recruitment?.[index] === 1;
  for (let row = 0; row < rowCount; row++) {
    const source = columns.source[row]!;
    const target = columns.target[row]!;
    if (source === target) continue;
    const kind = columns.kind[row];
    if (kind === samePerson) marks[row] = RowEvidence.identity;
    else if (kind === coCrossing || kind === sameCase) marks[row] = RowEvidence.ring;
    else if (kind === sharedPhone && (burners[source] === 1 || burners[target] === 1)) marks[row] = RowEvidence.ring;
    else if (kind === sharedPhone && (recruitment?.[source] === 1 || recruitment?.[target] === 1)) {
      marks[row] = RowEvidence.ring;
    } else if (kind === called && organising(source) && organising(target)) marks[row] = RowEvidence.ring;
    else if (kind === recruitedBy || kind === operates) {
      const byPerson = nodes[source]?.kind === 'PERSON' && nodes[target]?.kind === 'PERSON';
      if (byPerson || illicit(source) || illicit(target)) marks[row] = RowEvidence.ring;
    }
  }
  for (const row of patterns.rows ?? []) {
    if (columns.source[row] !== columns.target[row]) marks[row] = RowEvidence.ring;
  }
  return marks;
}
