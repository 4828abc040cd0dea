/** The agencies that send records; each has its own identifiers and its own way of writing names and numbers. */
export const sources = {
  police: 'police',
  borderGuard: 'border-guard',
  labour: 'labour-dept',
  telecom: 'telecom',
  foreignAffairs: 'foreign-affairs',
} as const;

export type SourceName = (typeof sources)[keyof typeof sources];

export const allSources: readonly SourceName[] = Object.values(sources);
