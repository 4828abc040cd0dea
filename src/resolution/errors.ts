import { CapabilityError, ErrorCode } from '../shared/capability-error.ts';

/** Base class of entity resolution's errors. */
export class ResolutionError extends CapabilityError {
  override name = 'ResolutionError';
}

/** A merge or unmerge names an entity or a merge that does not exist. */
export class ResolutionNotFoundError extends ResolutionError {
  override name = 'ResolutionNotFoundError';
  override readonly code = ErrorCode.NOT_FOUND;
}

/** A merge or unmerge that cannot be carried out as asked (same entity twice, not a person, a later merge first). */
export class InvalidMergeError extends ResolutionError {
  override name = 'InvalidMergeError';
  override readonly code = ErrorCode.BAD_USER_INPUT;
}
