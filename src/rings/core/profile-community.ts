import { brokerStanding } from './broker-standing.ts';
import type { BrokerStanding } from './broker-standing.ts';
import { compareIds } from './evidence-graph.ts';
import type { EvidenceGraph } from './evidence-graph.ts';
import type { KinEscortedExits } from './find-kin-escorted-exits.ts';
import type { RecruitmentPhones } from './find-recruitment-phones.ts';
import type { PersonGroups } from './person-groups.ts';
import type { IncidentRows } from './index-incident-rows.ts';
import { evidenceKinds } from './types.ts';
import type { EvidenceColumns, ExitCountry, ProjectionNode, ScoringOptions } from './types.ts';

export interface SharedPhone {
  phone: number;
  /** Members using the phone. */
  users: number[];
  /** Shared by unrelated people and calling other shared phones: bought for the operation (see findBurnerPhones). */
  burner: boolean;
}

export interface BrokerLink {
  broker: number;
  standing: BrokerStanding;
  inCommunity: boolean;
  /** Members the broker recruited. */
  recruits: number[];
  /** Members who run the broker. */
  operators: number[];
}

export interface CheckpointExits {
  checkpoint: string;
  country: ExitCountry;
  /** People who left through the checkpoint and have not returned. */
  people: number;
}

/** A recruitment phone of the community and the young people (by person, not record) it reached there. */
export interface RecruitmentCalls {
  phone: number;
  /** Young people of the community the phone reached, one record each. */
  reached: number[];
  /** Of them, those who left without returning, and where they left. */
  left: number[];
  exitsByCheckpoint: CheckpointExits[];
}

/** Children under 16 of the community who left with an adult relative of the community who came back alone. */
export interface ChildrenTakenByRelative {
  /** One record per child. */
  children: number[];
  /** One record per adult. */
  adults: number[];
  /** Some child is the adult's relative through a parent (a niece or nephew), not directly. */
  throughParent: boolean;
  checkpoints: string[];
}

/** What a community's members and their evidence rows say, gathered once for scoring and roles. */
export interface CommunityProfile {
  members: number[];
  persons: number[];
  phones: number[];
  brokers: number[];
  victims: number[];
  /** Suspected but not verified victims. */
  suspectedVictims: number[];
  suspects: number[];
  minors: number[];
  /** The age threshold that made them minors, for descriptions. */
  minorAgeYears: number;
  /** Minors who are (suspected) victims or left without returning. */
  minorsAtRisk: number[];
  /** People who left to CN/LA/KH without returning, documented labour migrants excepted. */
  exiters: number[];
  /** Left without returning after recruitment only by licensed agencies, and no victim: not counted as risk. */
  documentedMigrants: number[];
  exitsByCheckpoint: CheckpointExits[];
  brokerLinks: BrokerLink[];
  sharedPhones: SharedPhone[];
  /** Distinct phone pairs of the community that called each other, and their calls. */
  phoneCallPairs: number;
  phoneCalls: number;
  openCaseIds: string[];
  /** Member pairs with an edge in the evidence graph, and that over all possible pairs. */
  linkedPairs: number;
  density: number;
  /** Sum of evidence weights to other members, per member (same order as `members`). */
  strength: number[];
  recruitments: { recruit: number; recruiter: number }[];
  coCrossings: { a: number; b: number }[];
  recruitmentCalls: RecruitmentCalls[];
  /** The ages that made people young for recruitmentCalls, for descriptions. */
  youngAges: [number, number];
  childrenTakenByRelative: ChildrenTakenByRelative;
}

/** The evidence of patterns over many rows (find-recruitment-phones.ts, find-kin-escorted-exits.ts). */
export interface PatternFindings {
  groups: PersonGroups;
  recruitment: RecruitmentPhones;
  kinExits: KinEscortedExits;
}

export interface ProfileInput {
  nodes: readonly ProjectionNode[];
  columns: EvidenceColumns;
  incident: IncidentRows;
  graph: EvidenceGraph;
  /** Community number of each node index, -1 for none. */
  communityOf: Int32Array;
  /** Burner flag per node index, from findBurnerPhones. */
  burners: Uint8Array;
  scoring: ScoringOptions;
  patterns?: PatternFindings;
}

const kind = {
  sharedPhone: evidenceKinds.indexOf('SHARED_PHONE'),
  called: evidenceKinds.indexOf('CALLED'),
  recruitedBy: evidenceKinds.indexOf('RECRUITED_BY'),
  operates: evidenceKinds.indexOf('OPERATES'),
  coCrossing: evidenceKinds.indexOf('CO_CROSSING'),
};

export function profileCommunity(community: number, members: number[], input: ProfileInput): CommunityProfile {
  const { nodes, columns, incident, communityOf, scoring } = input;
  // Orders that reach the output follow entity ids, never node indexes, which depend on the row order.
  const byEntityId = (a: number, b: number): number => compareIds(nodes[a]!.entityId, nodes[b]!.entityId);
  const inCommunity = (node: number): boolean => communityOf[node] === community;
  const persons: number[] = [];
  const phones: number[] = [];
  const brokers: number[] = [];
  for (const member of members) {
    const node = nodes[member]!;
    if (node.kind === 'PERSON') persons.push(member);
    else if (node.kind === 'PHONE') phones.push(member);
    else brokers.push(member);
  }

  const phoneUsers = new Map<number, number[]>();
  const brokerLinks = new Map<number, BrokerLink>();
  const linkFor = (broker: number): BrokerLink | undefined => {
    const node = nodes[broker];
    if (node?.kind !== 'BROKER') return undefined;
    let link = brokerLinks.get(broker);
    if (link === undefined) {
      link = {
        broker,
        standing: brokerStanding(node.broker),
        inCommunity: inCommunity(broker),
        recruits: [],
        operators: [],
      };
      brokerLinks.set(broker, link);
    }
    return link;
  };
  for (const broker of brokers) linkFor(broker);
  const recruitments: CommunityProfile['recruitments'] = [];
  const coCrossings: CommunityProfile['coCrossings'] = [];
  const recruiterStandings = new Map<number, BrokerStanding[]>();
  let phoneCallPairs = 0;
  let phoneCalls = 0;

  for (const member of members) {
    for (let at = incident.offsets[member]!; at < incident.offsets[member + 1]!; at++) {
      const row = incident.rows[at]!;
      const source = columns.source[row]!;
      const target = columns.target[row]!;
      const rowKind = columns.kind[row]!;
      const other = source === member ? target : source;
      if (rowKind === kind.sharedPhone) {
        const phone = nodes[source]?.kind === 'PHONE' ? source : target;
        const user = phone === source ? target : source;
        if (user === member && inCommunity(phone)) phoneUsers.set(phone, [...(phoneUsers.get(phone) ?? []), member]);
      } else if (rowKind === kind.called) {
        // Each internal call row is seen from both ends; count it from the smaller index only.
        if (inCommunity(other) && member < other) {
          phoneCallPairs++;
          phoneCalls += columns.count[row]!;
        }
      } else if (rowKind === kind.recruitedBy && source === member) {
        const broker = linkFor(target);
        broker?.recruits.push(member);
        if (broker !== undefined || inCommunity(target)) recruitments.push({ recruit: member, recruiter: target });
        recruiterStandings.set(member, [
          ...(recruiterStandings.get(member) ?? []),
          broker?.standing ?? 'other', // recruited by a person: not documented migration
        ]);
      } else if (rowKind === kind.operates && source === member) {
        linkFor(target)?.operators.push(member);
      } else if (rowKind === kind.coCrossing && inCommunity(other) && member < other) {
        coCrossings.push({ a: member, b: other });
      }
    }
  }

  const victims: number[] = [];
  const suspectedVictims: number[] = [];
  const suspects: number[] = [];
  const minors: number[] = [];
  const minorsAtRisk: number[] = [];
  const exiters: number[] = [];
  const documentedMigrants: number[] = [];
  const checkpointPeople = new Map<string, CheckpointExits>();
  const openCaseIds = new Set<string>();
  for (const person of persons) {
    const node = nodes[person]!;
    if (node.kind !== 'PERSON') continue;
    const facts = node.person;
    const isVictim = facts.caseRoles.includes('VICTIM');
    const isSuspectedVictim = !isVictim && facts.caseRoles.includes('SUSPECTED_VICTIM');
    if (isVictim) victims.push(person);
    if (isSuspectedVictim) suspectedVictims.push(person);
    if (facts.caseRoles.includes('SUSPECT')) suspects.push(person);
    for (const openCase of facts.openCases) openCaseIds.add(openCase.caseId);
    const isMinor = facts.ageYears !== null && facts.ageYears < scoring.minorAgeYears;
    if (isMinor) minors.push(person);

    const hasExit = facts.exitsWithoutReturn.length > 0;
    const standings = recruiterStandings.get(person) ?? [];
    const documented =
      hasExit &&
      !isMinor &&
      !isVictim &&
      !isSuspectedVictim &&
      standings.length > 0 &&
      standings.every((s) => s === 'licensed-agency');
    if (documented) documentedMigrants.push(person);
    else if (hasExit) {
      exiters.push(person);
      const seenHere = new Set<string>();
      for (const exit of facts.exitsWithoutReturn) {
        const key = `${exit.checkpoint}\u0000${exit.country}`;
        if (seenHere.has(key)) continue;
        seenHere.add(key);
        const entry = checkpointPeople.get(key) ?? { checkpoint: exit.checkpoint, country: exit.country, people: 0 };
        entry.people++;
        checkpointPeople.set(key, entry);
      }
    }
    if (isMinor && (isVictim || isSuspectedVictim || hasExit)) minorsAtRisk.push(person);
  }

  const sharedPhones: SharedPhone[] = [];
  for (const [phone, users] of phoneUsers) {
    if (users.length < 2) continue;
    sharedPhones.push({ phone, users: users.sort(byEntityId), burner: input.burners[phone] === 1 });
  }
  sharedPhones.sort(
    (a, b) => Number(b.burner) - Number(a.burner) || b.users.length - a.users.length || byEntityId(a.phone, b.phone),
  );

  const { linkedPairs, strength } = measureCohesion(members, input.graph, nodes, inCommunity);
  const possiblePairs = (members.length * (members.length - 1)) / 2;
  const exitsByCheckpoint = [...checkpointPeople.values()].sort(
    (a, b) => b.people - a.people || compareIds(a.checkpoint, b.checkpoint) || compareIds(a.country, b.country),
  );

  return {
    members,
    persons,
    phones,
    brokers,
    victims,
    suspectedVictims,
    suspects,
    minors,
    minorAgeYears: scoring.minorAgeYears,
    minorsAtRisk,
    exiters,
    documentedMigrants,
    exitsByCheckpoint,
    brokerLinks: [...brokerLinks.values()].sort((a, b) => byEntityId(a.broker, b.broker)),
    sharedPhones,
    phoneCallPairs,
    phoneCalls,
    openCaseIds: [...openCaseIds].sort(),
    linkedPairs,
    density: possiblePairs > 0 ? linkedPairs / possiblePairs : 0,
    strength,
    recruitments,
    coCrossings,
    youngAges: [scoring.youngMinAge, scoring.youngMaxAge],
    ...describePatterns(members, input, inCommunity, byEntityId),
  };
}

/** The community's share of the pattern findings, each person counted once however many records they have. */
function describePatterns(
  members: readonly number[],
  input: ProfileInput,
  inCommunity: (node: number) => boolean,
  byEntityId: (a: number, b: number) => number,
): Pick<CommunityProfile, 'recruitmentCalls' | 'childrenTakenByRelative'> {
  const none = { children: [], adults: [], throughParent: false, checkpoints: [] };
  const patterns = input.patterns;
  if (!patterns) return { recruitmentCalls: [], childrenTakenByRelative: none };
  const { groups, recruitment, kinExits } = patterns;
  const onePerPerson = (records: Iterable<number>): number[] => {
    const chosen = new Map<number, number>();
    for (const record of [...records].sort(byEntityId)) {
      const group = groups.groupOf[record]!;
      if (!chosen.has(group)) chosen.set(group, record);
    }
    return [...chosen.values()].sort(byEntityId);
  };
  const exitsOf = (people: readonly number[]): CheckpointExits[] => {
    const byCheckpoint = new Map<string, CheckpointExits>();
    for (const person of people) {
      const group = groups.groupOf[person]!;
      const seen = new Set<string>();
      for (const record of members) {
        const node = input.nodes[record];
        if (node?.kind !== 'PERSON' || groups.groupOf[record] !== group) continue;
        for (const exit of node.person.exitsWithoutReturn) {
          const key = `${exit.checkpoint}\u0000${exit.country}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const entry = byCheckpoint.get(key) ?? { checkpoint: exit.checkpoint, country: exit.country, people: 0 };
          entry.people++;
          byCheckpoint.set(key, entry);
        }
      }
    }
    return [...byCheckpoint.values()].sort(
      (a, b) => b.people - a.people || compareIds(a.checkpoint, b.checkpoint) || compareIds(a.country, b.country),
    );
  };

  const recruitmentCalls: RecruitmentCalls[] = [];
  for (const phone of [...members].sort(byEntityId)) {
    if (recruitment.flags[phone] !== 1) continue;
    const reached = onePerPerson((recruitment.reached.get(phone)?.people ?? []).filter(inCommunity));
    if (reached.length === 0) continue;
    const left = reached.filter((person) => groups.exited[groups.groupOf[person]!] === 1);
    recruitmentCalls.push({ phone, reached, left, exitsByCheckpoint: exitsOf(left) });
  }

  const taken = kinExits.exits.filter((exit) => inCommunity(exit.child) && inCommunity(exit.adult));
  const children = onePerPerson(taken.map((exit) => exit.child));
  const checkpoints = new Set<string>();
  for (const { checkpoint } of exitsOf(children)) checkpoints.add(checkpoint);
  return {
    recruitmentCalls,
    childrenTakenByRelative: {
      children,
      adults: onePerPerson(taken.map((exit) => exit.adult)),
      throughParent: taken.some((exit) => exit.throughParent),
      checkpoints: [...checkpoints].sort(compareIds),
    },
  };
}

function measureCohesion(
  members: number[],
  graph: EvidenceGraph,
  nodes: readonly ProjectionNode[],
  inCommunity: (node: number) => boolean,
): { linkedPairs: number; strength: number[] } {
  let endpoints = 0;
  const strength = members.map((member) => {
    const key = nodes[member]!.entityId;
    if (!graph.hasNode(key)) return 0;
    let sum = 0;
    graph.forEachEdge(key, (_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
      const other = source === key ? targetAttributes.index : sourceAttributes.index;
      if (!inCommunity(other)) return;
      sum += attributes.weight;
      endpoints++;
    });
    return sum;
  });
  return { linkedPairs: endpoints / 2, strength };
}
