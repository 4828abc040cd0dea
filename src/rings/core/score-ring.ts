import { describeBrokerStanding } from './broker-standing.ts';
import { countryName, describeComposition, joinAnd, plural, roundTenth } from './describe-figures.ts';
import type { CommunityProfile } from './profile-community.ts';
import type { ProjectionNode, RiskFactor, RiskFactorCode } from './types.ts';

/**
 * Points per figure and the most each factor may contribute. Trafficking indicators (victims, minors at
 * risk, exits without return, illicit brokers, burner phones) dominate; what ordinary families, tour
 * groups and licensed recruits also show (size, density, calls) weighs little, so they stay low.
 */
export const riskFactorPoints = {
  VICTIMS: { each: 8, max: 24 },
  SUSPECTED_VICTIMS: { each: 4, max: 12 },
  MINORS: { each: 8, max: 24 },
  EXITS_WITHOUT_RETURN: { each: 5, max: 20 },
  UNLICENSED_BROKER: { each: 10, perRecruit: 2, max: 25 },
  SHARED_BURNER_PHONES: { each: 8, perOtherSharedPhone: 2, max: 16 },
  /** Per young person a recruitment phone reached who then left without returning. */
  RECRUITMENT_CALLS: { each: 3, max: 24 },
  /** Per child under 16 who left with an adult relative who came back alone. */
  CHILDREN_TAKEN_BY_RELATIVE: { each: 12, max: 36 },
  /** Times the share of phone pairs that called each other; needs at least 3 phones. */
  CALL_DENSITY: { full: 8, minPhones: 3 },
  OPEN_CASES: { each: 3, max: 9 },
  SUSPECTS: { each: 3, max: 9 },
  /** Per person above `freePersons`. */
  SIZE: { each: 1, freePersons: 3, max: 5 },
  /** Times the share of member pairs directly linked. */
  DENSITY: { full: 5 },
} as const;

export const maxScore = 100;

export interface RingScore {
  score: number;
  /** Sorted by contribution, highest first; CAP, when present, last. Contributions sum to the score. */
  factors: RiskFactor[];
}

/** Scores a community 0..100 from its profile, with a plain-English reason for every point. */
export function scoreRing(profile: CommunityProfile, nodes: readonly ProjectionNode[]): RingScore {
  const factors: RiskFactor[] = [];
  const people = profile.persons.length;
  const idsOf = (indexes: readonly number[]): string[] => indexes.map((index) => nodes[index]!.entityId);
  const add = (code: RiskFactorCode, contribution: number, description: string, entities: readonly number[]): void => {
    const rounded = roundTenth(contribution);
    if (rounded > 0) factors.push({ code, description, contribution: rounded, entityIds: idsOf(entities) });
  };
  const capped = (count: number, points: { each: number; max: number }): number =>
    Math.min(points.max, count * points.each);
  const ofPeople = (count: number): string => `${count} of ${plural(people, 'person', 'people')}`;

  add(
    'VICTIMS',
    capped(profile.victims.length, riskFactorPoints.VICTIMS),
    `${ofPeople(profile.victims.length)} ${be(profile.victims.length)} verified ${profile.victims.length === 1 ? 'victim' : 'victims'} in a case`,
    profile.victims,
  );
  add(
    'SUSPECTED_VICTIMS',
    capped(profile.suspectedVictims.length, riskFactorPoints.SUSPECTED_VICTIMS),
    `${ofPeople(profile.suspectedVictims.length)} ${be(profile.suspectedVictims.length)} suspected (not yet verified) ${profile.suspectedVictims.length === 1 ? 'victim' : 'victims'}`,
    profile.suspectedVictims,
  );
  add(
    'MINORS',
    capped(profile.minorsAtRisk.length, riskFactorPoints.MINORS),
    describeMinors(profile, nodes, ofPeople),
    profile.minorsAtRisk,
  );
  add(
    'EXITS_WITHOUT_RETURN',
    capped(profile.exiters.length, riskFactorPoints.EXITS_WITHOUT_RETURN),
    describeExits(profile, ofPeople),
    profile.exiters,
  );
  addBrokerFactor(profile, nodes, add);
  addPhoneFactor(profile, nodes, add);
  addRecruitmentFactor(profile, nodes, add);
  const taken = profile.childrenTakenByRelative;
  add(
    'CHILDREN_TAKEN_BY_RELATIVE',
    capped(taken.children.length, riskFactorPoints.CHILDREN_TAKEN_BY_RELATIVE),
    describeChildrenTaken(profile),
    [...taken.children, ...taken.adults],
  );

  const phones = profile.phones.length;
  if (phones >= riskFactorPoints.CALL_DENSITY.minPhones && profile.phoneCallPairs > 0) {
    const possible = (phones * (phones - 1)) / 2;
    const share = profile.phoneCallPairs / possible;
    add(
      'CALL_DENSITY',
      riskFactorPoints.CALL_DENSITY.full * share,
      `${profile.phoneCallPairs} of the ${possible} possible pairs among the ring's ${phones} phones called each other (${plural(profile.phoneCalls, 'call')})`,
      profile.phones,
    );
  }
  const openCases = profile.openCaseIds.length;
  if (openCases > 0) {
    const contribution = capped(openCases, riskFactorPoints.OPEN_CASES);
    const description = `Members appear in ${plural(openCases, 'open case')}`;
    if (roundTenth(contribution) > 0) {
      factors.push({
        code: 'OPEN_CASES',
        description,
        contribution: roundTenth(contribution),
        entityIds: profile.openCaseIds,
      });
    }
  }
  add(
    'SUSPECTS',
    capped(profile.suspects.length, riskFactorPoints.SUSPECTS),
    `${ofPeople(profile.suspects.length)} ${be(profile.suspects.length)} ${profile.suspects.length === 1 ? 'a suspect' : 'suspects'} in a case`,
    profile.suspects,
  );
  const size = riskFactorPoints.SIZE;
  add(
    'SIZE',
    Math.min(size.max, Math.max(0, people - size.freePersons) * size.each),
    `${describeComposition(profile)} in the ring, more than a household`,
    [],
  );
  const possiblePairs = (profile.members.length * (profile.members.length - 1)) / 2;
  add(
    'DENSITY',
    riskFactorPoints.DENSITY.full * profile.density,
    `${profile.linkedPairs} of the ${possiblePairs} possible pairs of members are directly linked (density ${profile.density.toFixed(2)})`,
    [],
  );

  factors.sort((a, b) => b.contribution - a.contribution || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  // Summed in tenths as integers so the score equals the sum of the displayed contributions exactly.
  const rawTenths = factors.reduce((sum, factor) => sum + Math.round(factor.contribution * 10), 0);
  if (rawTenths > maxScore * 10) {
    const excess = (rawTenths - maxScore * 10) / 10;
    factors.push({
      code: 'CAP',
      description: `The factors above add up to ${(rawTenths / 10).toFixed(1)}; the score is capped at ${maxScore}`,
      contribution: -excess,
      entityIds: [],
    });
  }
  return { score: Math.min(rawTenths, maxScore * 10) / 10, factors };
}

type AddFactor = (code: RiskFactorCode, contribution: number, description: string, entities: readonly number[]) => void;

function be(count: number): string {
  return count === 1 ? 'is' : 'are';
}

function checkpointPhrase(profile: CommunityProfile): string {
  const places = profile.exitsByCheckpoint.map((exit) =>
    profile.exitsByCheckpoint.length > 1 ? `${exit.checkpoint} (${exit.people})` : exit.checkpoint,
  );
  return joinAnd(places);
}

function describeMinors(
  profile: CommunityProfile,
  nodes: readonly ProjectionNode[],
  ofPeople: (count: number) => string,
): string {
  const atRisk = profile.minorsAtRisk;
  const exited = atRisk.filter((person) => {
    const node = nodes[person];
    return node?.kind === 'PERSON' && node.person.exitsWithoutReturn.length > 0;
  });
  const checkpoints = new Set<string>();
  for (const person of exited) {
    const node = nodes[person];
    if (node?.kind === 'PERSON') for (const exit of node.person.exitsWithoutReturn) checkpoints.add(exit.checkpoint);
  }
  const through = joinAnd([...checkpoints].sort());
  const age = `under ${profile.minorAgeYears}`;
  if (exited.length === atRisk.length) {
    return `${ofPeople(atRisk.length)} ${be(atRisk.length)} ${age} and left through ${through} without returning`;
  }
  const detail = exited.length > 0 ? `; ${exited.length} of them left through ${through} without returning` : '';
  return `${ofPeople(atRisk.length)} ${be(atRisk.length)} ${age} and victims or suspected victims${detail}`;
}

function describeExits(profile: CommunityProfile, ofPeople: (count: number) => string): string {
  const countries = joinAnd([...new Set(profile.exitsByCheckpoint.map((exit) => countryName(exit.country)))]);
  let text = `${ofPeople(profile.exiters.length)} left for ${countries} through ${checkpointPhrase(profile)} and ${profile.exiters.length === 1 ? 'has' : 'have'} not returned`;
  const documented = profile.documentedMigrants.length;
  if (documented > 0) {
    text += `; ${documented} more left after recruitment by a licensed agency and ${documented === 1 ? 'is' : 'are'} not counted`;
  }
  return text;
}

function addBrokerFactor(profile: CommunityProfile, nodes: readonly ProjectionNode[], add: AddFactor): void {
  const illicit = profile.brokerLinks.filter(
    (link) =>
      link.standing === 'illicit' && (link.inCommunity || link.recruits.length > 0 || link.operators.length > 0),
  );
  if (illicit.length === 0) return;
  const points = riskFactorPoints.UNLICENSED_BROKER;
  const recruits = illicit.reduce((sum, link) => sum + link.recruits.length, 0);
  const phrases = illicit.map((link) => {
    const node = nodes[link.broker]!;
    const standing = node.kind === 'BROKER' ? describeBrokerStanding(node.broker) : 'broker';
    const details: string[] = [];
    if (link.recruits.length > 0) details.push(`${plural(link.recruits.length, 'member')} recruited`);
    if (link.operators.length > 0) details.push(`run by ${plural(link.operators.length, 'member')}`);
    return `${standing} ${node.label}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
  });
  add(
    'UNLICENSED_BROKER',
    Math.min(points.max, illicit.length * points.each + recruits * points.perRecruit),
    `Recruited through ${joinAnd(phrases)}`,
    illicit.map((link) => link.broker),
  );
}

function addPhoneFactor(profile: CommunityProfile, nodes: readonly ProjectionNode[], add: AddFactor): void {
  if (profile.sharedPhones.length === 0) return;
  const points = riskFactorPoints.SHARED_BURNER_PHONES;
  const burners = profile.sharedPhones.filter((shared) => shared.burner).length;
  const others = profile.sharedPhones.length - burners;
  const phrases = profile.sharedPhones.map((shared) => {
    const node = nodes[shared.phone]!;
    const facts = node.kind === 'PHONE' ? node.phone : { distinctUsers: shared.users.length, callCount: 0 };
    return `${plural(shared.users.length, 'member')} share ${shared.burner ? 'burner phone' : 'phone'} ${node.label} (${plural(facts.distinctUsers, 'user')} in all, ${plural(facts.callCount, 'call')})`;
  });
  add(
    'SHARED_BURNER_PHONES',
    Math.min(points.max, burners * points.each + others * points.perOtherSharedPhone),
    capitalise(phrases.join('; ')),
    profile.sharedPhones.map((shared) => shared.phone),
  );
}

function addRecruitmentFactor(profile: CommunityProfile, nodes: readonly ProjectionNode[], add: AddFactor): void {
  const calls = profile.recruitmentCalls.filter((call) => call.left.length > 0);
  if (calls.length === 0) return;
  const left = new Set(calls.flatMap((call) => call.left));
  const [youngest, oldest] = profile.youngAges;
  const phrases = calls.map((call) => {
    const places = call.exitsByCheckpoint.map((exit) =>
      call.exitsByCheckpoint.length > 1 ? `${exit.checkpoint} (${exit.people})` : exit.checkpoint,
    );
    return (
      `phone ${nodes[call.phone]!.label} called ${plural(call.reached.length, 'member')} aged ${youngest} to ${oldest}, ` +
      `${call.left.length} of whom then left through ${joinAnd(places)} without returning`
    );
  });
  add(
    'RECRUITMENT_CALLS',
    Math.min(riskFactorPoints.RECRUITMENT_CALLS.max, left.size * riskFactorPoints.RECRUITMENT_CALLS.each),
    `${capitalise(phrases.join('; '))} (no escort and no recruitment link: online recruitment)`,
    [...calls.map((call) => call.phone), ...left],
  );
}

function describeChildrenTaken(profile: CommunityProfile): string {
  const { children, adults, throughParent, checkpoints } = profile.childrenTakenByRelative;
  const kin = throughParent ? 'relatives through their parents (an aunt or uncle)' : 'relatives';
  return (
    `${plural(children.length, 'child', 'children')} under ${profile.minorAgeYears} left through ${joinAnd(checkpoints)} ` +
    `with ${plural(adults.length, 'adult')} of their ${kin} who came back alone and ${children.length === 1 ? 'has' : 'have'} not returned`
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
