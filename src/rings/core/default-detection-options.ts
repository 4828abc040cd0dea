import type { ResolvedDetectionOptions } from './types.ts';

/**
 * Default weights and options of ring detection.
 *
 * Edge weight of one evidence row = base[kind] × brokerFactor × min(maxCountFactor, 1 + log2(count))
 *   × hubFactor, where hubFactor = min(1, (freeDegree / degree) ^ exponent) for the endpoint with the
 *   most rows of that kind. Rows touching an endpoint with more than degreeCap rows of the kind are
 *   dropped from the community step (they still count for scoring). Rows of all kinds between the same
 *   pair are summed into one weighted edge.
 *
 * Why these numbers: recruitment by, or running of, a broker is the closest tie a ring has; a shared
 * phone and travelling together through a checkpoint come next; a call, a case and an acquaintance are
 * common in ordinary life and weigh least.
 */
export const defaultEvidenceWeights = {
  // Checked against the planted rings with `npm run rings:evaluate` (BENCHMARKS.md): family
  // ties are what glue a ring to its members' homes, so they weigh least; two agencies'
  // records of one person are held together until entity resolution joins them.
  base: {
    RECRUITED_BY: 3,
    OPERATES: 4,
    SHARED_PHONE: 2,
    CO_CROSSING: 2,
    SAME_CASE: 1.5,
    CALLED: 1,
    KNOWS: 1,
    RELATIVE_OF: 0.05,
    SAME_PERSON: 20,
  },
  // A licensed agency with an active licence recruits thousands legally: its recruits share little.
  licensedActiveBroker: 0.2,
  otherBroker: 1,
  illicitBroker: 1.5,
  maxCountFactor: 4,
} as const satisfies ResolvedDetectionOptions['weights'];

export const defaultHubDamping = {
  // A household phone for 4, a ring member with a few contacts: no damping.
  freeDegree: 4,
  // Linear damping: a hub's total strength stays that of an ordinary node with freeDegree ties.
  exponent: 1,
  // An agency with 2,000 recruits, a phone called by hundreds: no evidence of a ring, left out.
  degreeCap: 500,
} as const satisfies ResolvedDetectionOptions['hubDamping'];

export const defaultScoringOptions = {
  // The city plan focuses on victims under 16.
  minorAgeYears: 16,
  // A ring rotates each burner among a few of its members (up to four in the planted rings);
  // a phone more unrelated people use is an office or shop line.
  burnerMaxUsers: 5,
  // Members call one another's burners dozens of times; a household's phones call its own mobiles.
  burnerMinCalls: 20,
  // Scam compounds recruit from school leavers to about thirty.
  youngMinAge: 14,
  youngMaxAge: 30,
  // Three recruits gone, and they are a third of whom the phone talked to: a shop's or a hotline's
  // few young emigrant customers are a small share of hundreds.
  recruitmentMinExits: 3,
  recruitmentMinShare: 0.3,
} as const satisfies ResolvedDetectionOptions['scoring'];

export const defaultDetectionOptions: ResolvedDetectionOptions = {
  resolution: 1,
  seed: 42,
  minSize: 3,
  weights: { ...defaultEvidenceWeights, base: { ...defaultEvidenceWeights.base } },
  hubDamping: { ...defaultHubDamping },
  scoring: { ...defaultScoringOptions },
  matchThreshold: 0.5,
  // The entities next to a ring's: its phones, its members' families, the ordinary life that draws its
  // border. Checked with `npm run rings:evaluate` (BENCHMARKS.md).
  evidenceReach: 2,
};
