import { countUnrelatedGroups } from './count-unrelated-groups.ts';
import type { IncidentRows } from './index-incident-rows.ts';
import { agedWithin, type PersonGroups } from './person-groups.ts';
import { evidenceKinds } from './types.ts';
import type { EvidenceColumns, ProjectionNode, ScoringOptions } from './types.ts';

const sharedPhone = evidenceKinds.indexOf('SHARED_PHONE');
const called = evidenceKinds.indexOf('CALLED');

/** Phones that recruit young people for the compounds, and whom they reached. */
export interface RecruitmentPhones {
  /** 1 for a recruitment phone, per node index. */
  flags: Uint8Array;
  /**
   * Per recruitment phone: the young people's records it reached (users of the phones it called), and the
   * CALLED and USES_PHONE rows that tie them to it.
   */
  reached: Map<number, { people: number[]; rows: number[] }>;
}

export type RecruitmentOptions = Pick<
  ScoringOptions,
  'burnerMaxUsers' | 'youngMinAge' | 'youngMaxAge' | 'recruitmentMinExits' | 'recruitmentMinShare'
>;

/**
 * Online recruitment into scam compounds leaves no recruitment link: a few burners, often bought under straw
 * names, call many young people on their own phones, and the youths then leave for Cambodia, Laos or China
 * alone or in twos and do not come back. A phone is a recruitment phone when
 * - at most `burnerMaxUsers` people use it (a call centre's rota or a shop's staff is more, or is the
 *   exception that the next rule catches), and
 * - among the phones it called or that called it, at least `recruitmentMinExits` are used by someone aged
 *   `youngMinAge` to `youngMaxAge` who left without returning, and these are at least `recruitmentMinShare`
 *   of all the phones it talked to: a shop or a hotline talks to hundreds of customers, of whom a few young
 *   emigrants are a small share, while a recruiter's burner talks to little but its recruits.
 * A young person is reached on her own phone: the users of a phone that unrelated people share (a call centre's
 * rota calling the burner, a shop's line) are not counted as reached, nor is that phone as a leaver's.
 * The ties to the young people it reached (whether or not they have left yet) are ring evidence.
 */
export function findRecruitmentPhones(
  nodes: readonly ProjectionNode[],
  columns: EvidenceColumns,
  incident: IncidentRows,
  groups: PersonGroups,
  options: RecruitmentOptions,
): RecruitmentPhones {
  const other = (row: number, self: number) =>
    columns.source[row] === self ? columns.target[row]! : columns.source[row]!;
  const young = (person: number) => agedWithin(groups, person, options.youngMinAge, options.youngMaxAge);
  // A recruiter calls a young person on her own phone (or her family's). A phone that unrelated people use
  // (a call centre's rota, a shop's staff, another burner) is nobody's own: its young users were not reached.
  const ownPhone = (phone: number) => {
    const users: number[] = [];
    for (let at = incident.offsets[phone]!; at < incident.offsets[phone + 1]!; at++) {
      const row = incident.rows[at]!;
      if (columns.kind[row] === sharedPhone && nodes[other(row, phone)]?.kind === 'PERSON')
        users.push(other(row, phone));
    }
    return users.length < 2 || countUnrelatedGroups(users, nodes, columns, incident) < 2;
  };
  const flags = new Uint8Array(nodes.length);
  const reached = new Map<number, { people: number[]; rows: number[] }>();

  nodes.forEach((node, phone) => {
    if (node.kind !== 'PHONE') return;
    let users = 0;
    const callees = new Map<number, number[]>();
    for (let at = incident.offsets[phone]!; at < incident.offsets[phone + 1]!; at++) {
      const row = incident.rows[at]!;
      const kind = columns.kind[row];
      if (kind === sharedPhone) users++;
      else if (kind === called) {
        const callee = other(row, phone);
        if (callee !== phone) callees.set(callee, [...(callees.get(callee) ?? []), row]);
      }
    }
    if (users > options.burnerMaxUsers || callees.size < options.recruitmentMinExits) return;

    const people: number[] = [];
    const rows: number[] = [];
    const leftGroups = new Set<number>();
    let phonesOfLeavers = 0;
    for (const [callee, callRows] of callees) {
      if (!ownPhone(callee)) continue;
      let reachedHere = false;
      let leaverHere = false;
      for (let at = incident.offsets[callee]!; at < incident.offsets[callee + 1]!; at++) {
        const row = incident.rows[at]!;
        if (columns.kind[row] !== sharedPhone) continue;
        const user = other(row, callee);
        if (nodes[user]?.kind !== 'PERSON' || !young(user)) continue;
        reachedHere = true;
        people.push(user);
        rows.push(row);
        const group = groups.groupOf[user]!;
        if (groups.exited[group] === 1) {
          leaverHere = true;
          leftGroups.add(group);
        }
      }
      if (reachedHere) rows.push(...callRows);
      if (leaverHere) phonesOfLeavers++;
    }
    if (leftGroups.size < options.recruitmentMinExits) return;
    if (phonesOfLeavers < options.recruitmentMinShare * callees.size) return;
    flags[phone] = 1;
    reached.set(phone, { people, rows });
  });
  return { flags, reached };
}
