/** A merge or unmerge names an entity or a merge that does not exist. */
export class ResolutionNotFoundError extends Error {
  override name = 'ResolutionNotFoundError';
}

/** A merge or unmerge that cannot be carried out as asked (same entity twice, not a person, a later merge first). */
export class InvalidMergeError extends Error {
  override name = 'InvalidMergeError';
}
