import { assignRoles } from './assign-roles.ts';
import { buildEvidenceGraph } from './build-evidence-graph.ts';
import type { EvidenceGraph } from './evidence-graph.ts';
import { detectCommunities } from './detect-communities.ts';
import { findBurnerPhones } from './find-burner-phones.ts';
import { findKinEscortedExits } from './find-kin-escorted-exits.ts';
import { findRecruitmentPhones } from './find-recruitment-phones.ts';
import { groupPersonRecords } from './person-groups.ts';
import { compareIds } from './evidence-graph.ts';
import { projectionEdgeColumns } from './evidence-columns.ts';
import { indexIncidentRows } from './index-incident-rows.ts';
import { joinCoreFragments } from './join-core-fragments.ts';
import { markRingEvidence } from './mark-ring-evidence.ts';
import { matchPreviousRings } from './match-previous-rings.ts';
import { nodesNearRingEvidence } from './near-ring-evidence.ts';
import { profileCommunity } from './profile-community.ts';
import type { CommunityProfile } from './profile-community.ts';
import { resolveDetectionOptions } from './resolve-detection-options.ts';
import { scoreRing } from './score-ring.ts';
import { splitAtSharedMembers } from './split-at-shared-members.ts';
import { splitIntoEvidenceCores } from './split-into-evidence-cores.ts';
import { writeRingSummary } from './write-ring-summary.ts';
import type {
  DetectedRing,
  DetectionOptionsInput,
  DetectionResult,
  DetectionStage,
  PreviousRing,
  ProgressEvent,
  ProjectionNode,
  RingProjection,
  StageTimings,
} from './types.ts';

export interface DetectRingsHooks {
  /** Called when a stage starts, e.g. to report progress of a long run to the caller. */
  onProgress?: (event: ProgressEvent) => void;
  /** Called with the graph Louvain runs on and its resolution, e.g. for a benchmark to time other Louvains on it. */
  onGraph?: (graph: EvidenceGraph, resolution: number) => void;
}

/**
 * The ring-detection pipeline: projection → ring evidence and the part of the city near it → weighted
 * evidence graph of that part → Louvain → each community's evidence cores (fragments cut off by a
 * community border rejoin their ring) → per core profile, roles, score and summary → ids matched to the
 * previous run. Pure and deterministic: the same projection (in any row order), options and previous
 * rings give the same rings, ids and scores.
 */
export function detectRings(
  projection: RingProjection,
  optionsInput?: DetectionOptionsInput | null,
  previousRings: readonly PreviousRing[] = [],
  hooks: DetectRingsHooks = {},
): DetectionResult {
  const started = performance.now();
  const timings: StageTimings = {
    validate: 0,
    evidence: 0,
    'build-graph': 0,
    louvain: 0,
    score: 0,
    match: 0,
    total: 0,
  };
  const stage = <T>(name: DetectionStage, work: () => T): T => {
    const stageStarted = performance.now();
    hooks.onProgress?.({ stage: name, elapsedMs: stageStarted - started });
    const result = work();
    timings[name] = performance.now() - stageStarted;
    return result;
  };

  const { options, columns } = stage('validate', () => ({
    options: resolveDetectionOptions(optionsInput),
    columns: projectionEdgeColumns(projection),
  }));
  const { incident, burners, patterns, evidence, near } = stage('evidence', () => {
    const { nodes } = projection;
    const incident = indexIncidentRows(nodes.length, columns);
    const burners = findBurnerPhones(nodes, columns, incident, options.scoring);
    const groups = groupPersonRecords(nodes, columns);
    const recruitment = findRecruitmentPhones(nodes, columns, incident, groups, options.scoring);
    const kinExits = findKinEscortedExits(nodes, columns, groups, options.scoring.minorAgeYears);
    const evidence = markRingEvidence(nodes, columns, burners, {
      recruitmentPhones: recruitment.flags,
      rows: [...[...recruitment.reached.values()].flatMap((reached) => reached.rows), ...kinExits.rows],
    });
    const near = nodesNearRingEvidence(nodes.length, columns, incident, evidence, options.evidenceReach);
    return { incident, burners, patterns: { groups, recruitment, kinExits }, evidence, near };
  });
  const { graph, stats, shareOfCityWeight } = stage('build-graph', () =>
    buildEvidenceGraph(projection, options, columns, near),
  );
  hooks.onGraph?.(graph, options.resolution * shareOfCityWeight);
  const detected = stage('louvain', () =>
    detectCommunities(graph, { seed: options.seed, resolution: options.resolution * shareOfCityWeight }),
  );

  const scored = stage('score', () => {
    const { nodes } = projection;
    const communityOf = new Int32Array(nodes.length).fill(-1);
    const memberIndexes = detected.communities.map((community, number) =>
      community.map((key) => {
        const index = graph.getNodeAttribute(key, 'index');
        communityOf[index] = number;
        return index;
      }),
    );
    const cores = joinCoreFragments(
      memberIndexes.flatMap((community) =>
        splitIntoEvidenceCores(community, nodes, columns, incident, communityOf, evidence),
      ),
      nodes,
      columns,
      incident,
      evidence,
      // A core whose only organising phones are recruitment phones is one burner's share of an online
      // ring (its burners seldom call each other): a fragment that joins the rest of the ring.
      burners,
      options.minSize,
    ).flatMap((core) =>
      splitAtSharedMembers(core, {
        nodes,
        columns,
        incident,
        evidence,
        burners,
        minSize: options.minSize,
      }),
    );
    // From here on a ring is a core: the profile counts only ties inside it.
    const coreOf = new Int32Array(nodes.length).fill(-1);
    cores.forEach((core, number) => core.forEach((index) => (coreOf[index] = number)));
    const input = {
      nodes,
      columns,
      incident,
      graph,
      communityOf: coreOf,
      burners,
      scoring: options.scoring,
      patterns,
    };
    const results: Omit<DetectedRing, 'id'>[] = [];
    cores.forEach((members, number) => {
      const personCount = members.reduce((sum, index) => sum + (nodes[index]?.kind === 'PERSON' ? 1 : 0), 0);
      if (personCount === 0 || personCount < options.minSize) return;
      results.push(describeRing(profileCommunity(number, members, input), nodes));
    });
    return results;
  });

  const rings = stage('match', () => {
    const identities = matchPreviousRings(
      scored.map((ring) => ring.members.map((member) => member.entityId)),
      previousRings,
      options.matchThreshold,
    );
    const withIds: DetectedRing[] = scored.map((ring, i) => ({ ...identities[i]!, ...ring }));
    return withIds.sort((a, b) => b.score - a.score || compareIds(a.id, b.id));
  });

  timings.total = performance.now() - started;
  return {
    rings,
    modularity: detected.modularity,
    communityCount: detected.communities.length + stats.isolatedNodes,
    timings,
    graphStats: stats,
    options,
  };
}

function describeRing(profile: CommunityProfile, nodes: readonly ProjectionNode[]): Omit<DetectedRing, 'id'> {
  const roles = assignRoles(profile, nodes);
  const { score, factors } = scoreRing(profile, nodes);
  const entityId = (index: number): string => nodes[index]!.entityId;
  const illicitFirst = [...profile.brokerLinks]
    .filter((link) => link.inCommunity || link.recruits.length > 0 || link.operators.length > 0)
    .sort((a, b) => Number(b.standing === 'illicit') - Number(a.standing === 'illicit'));
  return {
    score,
    size: profile.members.length,
    personCount: profile.persons.length,
    members: profile.members.map((index, i) => ({
      entityId: entityId(index),
      kind: nodes[index]!.kind,
      role: roles[i] ?? 'associate',
    })),
    factors,
    summary: writeRingSummary(profile, score, factors, roles),
    keyPhones: profile.sharedPhones.map((shared) => entityId(shared.phone)),
    keyBrokers: illicitFirst.map((link) => entityId(link.broker)),
  };
}
