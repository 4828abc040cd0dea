export * from './types.ts';
export * from './default-resolution-options.ts';
export {
  compareNames,
  compareNameTokens,
  nameTokens,
  wordSimilarity,
  type NameComparison,
  type NameMatch,
} from './compare-names.ts';
export { editDistance, slipKind } from './edit-distance.ts';
export { parseDocument, type IdentityDocument } from './documents.ts';
export { likelySamePerson, samePersonKeys, type SamePersonFacts } from './same-person-keys.ts';
export { preparePerson, scorePair, type PreparedPerson } from './score-pair.ts';
export { blockCandidatePairs, blockingKeys, type BlockingStats } from './block-candidates.ts';
export { findDuplicates, type DuplicateSearch } from './find-duplicates.ts';
export { planAutoMerges, type AutoMergeGroup } from './plan-auto-merges.ts';
export * from './plan-merge.ts';
