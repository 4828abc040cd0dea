// Public surface of the ring-detection core: no Neo4j, no GraphQL.
export * from './types.ts';
export * from './errors.ts';
export {
  defaultDetectionOptions,
  defaultEvidenceWeights,
  defaultHubDamping,
  defaultScoringOptions,
} from './default-detection-options.ts';
export { resolveDetectionOptions } from './resolve-detection-options.ts';
export { toEvidenceColumns } from './evidence-columns.ts';
export { buildEvidenceGraph, countFactor, hubFactor } from './build-evidence-graph.ts';
export type { BuiltEvidenceGraph, EvidenceGraphOptions } from './build-evidence-graph.ts';
export type { EvidenceGraph, EvidenceNodeAttributes, EvidenceEdgeAttributes } from './evidence-graph.ts';
export { detectCommunities } from './detect-communities.ts';
export { partitionModularity } from './partition-modularity.ts';
export type { CommunityDetectionOptions, DetectedCommunities } from './detect-communities.ts';
export { createSeededRandom } from './seeded-random.ts';
export { scoreRing, riskFactorPoints, maxScore } from './score-ring.ts';
export { assignRoles } from './assign-roles.ts';
export { matchPreviousRings, ringIdForMembers } from './match-previous-rings.ts';
export type { RingIdentity } from './match-previous-rings.ts';
export { detectRings } from './detect-rings.ts';
export type { DetectRingsHooks } from './detect-rings.ts';
export { timeLouvain } from './time-louvain.ts';
export type { LouvainTiming } from './time-louvain.ts';
