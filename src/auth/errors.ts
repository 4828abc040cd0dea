/** A bearer token that is missing, malformed, forged, expired or names unknown roles. */
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}
