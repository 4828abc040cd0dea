import type { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as yogaMaskError, type MaskError } from 'graphql-yoga';
import { DatabaseError, DatabaseUnavailableError, DatabaseTimeoutError } from '../db/errors.ts';
import { CapabilityError, ErrorCode } from '../shared/capability-error.ts';

export { ErrorCode } from '../shared/capability-error.ts';

export function clientError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return createGraphQLError(message, { extensions: { code, ...extra } });
}

/**
 * The one map from the project's own errors to client errors: a capability's error answers
 * with the code it carries, a database failure with its stable code; anything else returns
 * undefined and is masked. Resolvers let errors through and never map them themselves.
 */
export function toClientError(error: unknown): GraphQLError | undefined {
  if (error instanceof CapabilityError) {
    return error.code ? clientError(error.code, error.message, { ...error.details }) : undefined;
  }
  if (error instanceof DatabaseUnavailableError) {
    return clientError(ErrorCode.DATABASE_UNAVAILABLE, 'The database is unavailable; retry in a moment.');
  }
  if (error instanceof DatabaseTimeoutError) {
    return clientError(ErrorCode.DATABASE_TIMEOUT, 'The database did not answer in time; retry or narrow the request.');
  }
  if (error instanceof DatabaseError && error.code === 'DATABASE_AUTH') {
    return clientError(ErrorCode.DATABASE_UNAVAILABLE, 'The database refused the service; an operator must check it.');
  }
  return undefined;
}

/**
 * Yoga's error mask with the project's mapping in front: database failures keep a stable
 * code, everything unexpected becomes "Unexpected error." with no stack or driver text.
 */
export function createMaskError(logUnexpected: (error: unknown) => void): MaskError {
  return (error, message) => {
    const original = isGraphQLError(error) ? error.originalError : error;
    const mapped = toClientError(original);
    if (mapped) {
      return createGraphQLError(mapped.message, {
        ...(isGraphQLError(error) && error.path ? { path: error.path } : {}),
        extensions: mapped.extensions,
      });
    }
    const masked = yogaMaskError(error, message, false);
    if (masked !== error) logUnexpected(original ?? error);
    return masked;
  };
}

/** The code a result's error answers with once mapped, for those who read it before the mask runs (the audit record). */
export function errorCode(error: GraphQLError): string | undefined {
  const code = error.extensions['code'] ?? toClientError(error.originalError)?.extensions['code'];
  return typeof code === 'string' ? code : undefined;
}

function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}
