import { CapabilityError, ErrorCode } from '../shared/capability-error.ts';

/** A bearer token that is missing, malformed, forged, expired or names unknown roles. */
export class AuthenticationError extends CapabilityError {
  override name = 'AuthenticationError';
  override readonly code = ErrorCode.UNAUTHENTICATED;
}
