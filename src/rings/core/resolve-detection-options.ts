import { defaultDetectionOptions } from './default-detection-options.ts';
import { InvalidDetectionOptionsError } from './errors.ts';
import { evidenceKinds } from './types.ts';
import type { DetectionOptionsInput, EvidenceKind, ResolvedDetectionOptions } from './types.ts';

/** Merges caller options over the defaults and checks every value, reporting all problems at once. */
export function resolveDetectionOptions(input: DetectionOptionsInput | null | undefined): ResolvedDetectionOptions {
  const defaults = defaultDetectionOptions;
  const given = input ?? {};
  const issues: string[] = [];

  const resolution = given.resolution ?? defaults.resolution;
  if (!Number.isFinite(resolution) || resolution <= 0)
    issues.push(`resolution must be a positive number, got ${resolution}`);

  const seed = given.seed ?? defaults.seed;
  // The PRNG works on 32-bit integers; anything else would be silently truncated.
  if (!Number.isSafeInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 32) {
    issues.push(`seed must be a 32-bit integer, got ${seed}`);
  }

  const minSize = given.minSize ?? defaults.minSize;
  if (!Number.isInteger(minSize) || minSize < 1) issues.push(`minSize must be an integer ≥ 1, got ${minSize}`);

  const matchThreshold = given.matchThreshold ?? defaults.matchThreshold;
  if (!Number.isFinite(matchThreshold) || matchThreshold <= 0 || matchThreshold > 1) {
    issues.push(`matchThreshold must be in (0, 1], got ${matchThreshold}`);
  }

  const givenWeights = given.weights ?? {};
  const base = { ...defaults.weights.base, ...givenWeights.base };
  for (const kind of Object.keys(base)) {
    if (!(evidenceKinds as readonly string[]).includes(kind))
      issues.push(`weights.base has unknown evidence kind ${kind}`);
  }
  for (const kind of evidenceKinds) checkNonNegative(`weights.base.${kind}`, base[kind as EvidenceKind], issues);
  const weights = { ...defaults.weights, ...givenWeights, base };
  checkNonNegative('weights.licensedActiveBroker', weights.licensedActiveBroker, issues);
  checkNonNegative('weights.otherBroker', weights.otherBroker, issues);
  checkNonNegative('weights.illicitBroker', weights.illicitBroker, issues);
  if (!(weights.maxCountFactor >= 1)) issues.push(`weights.maxCountFactor must be ≥ 1, got ${weights.maxCountFactor}`);

  const hubDamping = { ...defaults.hubDamping, ...given.hubDamping };
  if (!Number.isInteger(hubDamping.freeDegree) || hubDamping.freeDegree < 1) {
    issues.push(`hubDamping.freeDegree must be an integer ≥ 1, got ${hubDamping.freeDegree}`);
  }
  checkNonNegative('hubDamping.exponent', hubDamping.exponent, issues);
  if (!Number.isInteger(hubDamping.degreeCap) || hubDamping.degreeCap < hubDamping.freeDegree) {
    issues.push(`hubDamping.degreeCap must be an integer ≥ freeDegree, got ${hubDamping.degreeCap}`);
  }

  const scoring = { ...defaults.scoring, ...given.scoring };
  checkNonNegative('scoring.minorAgeYears', scoring.minorAgeYears, issues);
  if (!Number.isInteger(scoring.burnerMaxUsers) || scoring.burnerMaxUsers < 2) {
    issues.push(`scoring.burnerMaxUsers must be an integer ≥ 2, got ${scoring.burnerMaxUsers}`);
  }
  checkNonNegative('scoring.burnerMinCalls', scoring.burnerMinCalls, issues);
  checkNonNegative('scoring.youngMinAge', scoring.youngMinAge, issues);
  if (!(scoring.youngMaxAge >= scoring.youngMinAge)) {
    issues.push(`scoring.youngMaxAge must be ≥ youngMinAge, got ${scoring.youngMaxAge}`);
  }
  if (!Number.isInteger(scoring.recruitmentMinExits) || scoring.recruitmentMinExits < 1) {
    issues.push(`scoring.recruitmentMinExits must be an integer ≥ 1, got ${scoring.recruitmentMinExits}`);
  }
  if (!(scoring.recruitmentMinShare >= 0 && scoring.recruitmentMinShare <= 1)) {
    issues.push(`scoring.recruitmentMinShare must be in [0, 1], got ${scoring.recruitmentMinShare}`);
  }

  const evidenceReach = given.evidenceReach ?? defaults.evidenceReach;
  if (!Number.isInteger(evidenceReach) || evidenceReach < 0) {
    issues.push(`evidenceReach must be an integer ≥ 0, got ${evidenceReach}`);
  }

  if (issues.length > 0) throw new InvalidDetectionOptionsError(issues);
  return { resolution, seed, minSize, weights, hubDamping, scoring, matchThreshold, evidenceReach };
}

function checkNonNegative(name: string, value: unknown, issues: string[]): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    issues.push(`${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
}
