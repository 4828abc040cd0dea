import { compareIds } from './evidence-graph.ts';
import type { CommunityProfile } from './profile-community.ts';
import type { MemberRole, ProjectionNode } from './types.ts';

/**
 * A role for every member, in the order of `profile.members`. Roles are leads for an investigator, not
 * findings, so a person gets organiser, recruiter or escort only from evidence that says so:
 * - organiser: runs an illicit broker, recruited someone who recruits in turn, or, in a ring that shows
 *   trafficking indicators and has no such person, the most central suspect or recruiter;
 * - victim: a verified or suspected victim who is not also a suspect;
 * - recruiter: recruited another member (RECRUITED_BY points at them);
 * - escort: crossed the border together with a victim, a minor at risk or someone who did not return;
 * - associate: everyone else. Phones are 'burner-phone' or 'phone', brokers 'broker'.
 */
export function assignRoles(profile: CommunityProfile, nodes: readonly ProjectionNode[]): MemberRole[] {
  const roles = new Map<number, MemberRole>();
  const suspects = new Set(profile.suspects);
  const victimLike = new Set([...profile.victims, ...profile.suspectedVictims].filter((p) => !suspects.has(p)));
  const atRisk = new Set([...victimLike, ...profile.minorsAtRisk, ...profile.exiters]);
  const members = new Set(profile.members);

  const illicitOperators = new Set(
    profile.brokerLinks.filter((link) => link.standing === 'illicit').flatMap((link) => link.operators),
  );
  const recruitsOf = new Map<number, number[]>();
  for (const { recruit, recruiter } of profile.recruitments) {
    if (nodes[recruiter]?.kind !== 'PERSON' || !members.has(recruiter)) continue;
    recruitsOf.set(recruiter, [...(recruitsOf.get(recruiter) ?? []), recruit]);
  }
  const recruitsRecruiters = (person: number): boolean =>
    (recruitsOf.get(person) ?? []).some((recruit) => recruitsOf.has(recruit));
  const crossedWithAtRisk = new Set<number>();
  for (const { a, b } of profile.coCrossings) {
    if (atRisk.has(b) && !victimLike.has(a)) crossedWithAtRisk.add(a);
    if (atRisk.has(a) && !victimLike.has(b)) crossedWithAtRisk.add(b);
  }

  for (const person of profile.persons) {
    if (illicitOperators.has(person)) roles.set(person, 'organiser');
    else if (victimLike.has(person)) roles.set(person, 'victim');
    else if (recruitsRecruiters(person)) roles.set(person, 'organiser');
    else if (recruitsOf.has(person)) roles.set(person, 'recruiter');
    else if (crossedWithAtRisk.has(person)) roles.set(person, 'escort');
    else roles.set(person, 'associate');
  }

  const hasOrganiser = [...roles.values()].includes('organiser');
  const showsIndicators = atRisk.size > 0 || profile.brokerLinks.some((link) => link.standing === 'illicit');
  if (!hasOrganiser && showsIndicators) {
    const strengthOf = new Map(profile.members.map((member, i) => [member, profile.strength[i] ?? 0]));
    const candidates = profile.persons.filter(
      (person) => !victimLike.has(person) && (suspects.has(person) || roles.get(person) === 'recruiter'),
    );
    // Highest centrality wins; ties go to the smaller entity id so the choice does not depend on row order.
    candidates.sort(
      (a, b) =>
        (strengthOf.get(b) ?? 0) - (strengthOf.get(a) ?? 0) || compareIds(nodes[a]!.entityId, nodes[b]!.entityId),
    );
    const chosen = candidates[0];
    if (chosen !== undefined) roles.set(chosen, 'organiser');
  }

  const burners = new Set(profile.sharedPhones.filter((shared) => shared.burner).map((shared) => shared.phone));
  for (const phone of profile.phones) roles.set(phone, burners.has(phone) ? 'burner-phone' : 'phone');
  for (const broker of profile.brokers) roles.set(broker, 'broker');

  return profile.members.map((member) => roles.get(member) ?? 'associate');
}
