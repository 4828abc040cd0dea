import type { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as yogaMaskError, type MaskError } from 'graphql-yoga';
import { DatabaseError, DatabaseUnavailableError, DatabaseTimeoutError } from '../db/errors.ts';
import { WorkBudgetExceededError } from '../linkchart/work-budget.ts';

/**
 * Stable machine codes that clients see in `extensions.code`. Anything not mapped here is
 * masked by yoga as "Unexpected error." so no stack trace or driver message leaks.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  DATABASE_TIMEOUT: 'DATABASE_TIMEOUT',
  NOT_IMPLEMENTED: 'NOT_IMPLEMENTED',
  DETECTION_IN_PROGRESS: 'DETECTION_IN_PROGRESS',
  /** A read of personal data without an X-Purpose header. */
  PURPOSE_REQUIRED: 'PURPOSE_REQUIRED',
  /** The caller's token has used up its request rate; retry after Retry-After seconds. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The request's charts, paths and exports together would cost more than one request may (src/linkchart/work-budget.ts). */
  WORK_BUDGET_EXCEEDED: 'WORK_BUDGET_EXCEEDED',
  /** GraphQL Armor's limits on the query text (src/graphql/plugins/use-query-limits.ts), one code each. */
  QUERY_TOO_LONG: 'QUERY_TOO_LONG',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** The audit record could not be written, so the result is withheld. */
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function clientError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return createGraphQLError(message, { extensions: { code, ...extra } });
}

/** Turns the project's own errors into client errors; returns undefined for the unexpected. */
export function toClientError(error: unknown): GraphQLError | undefined {
  if (error instanceof DatabaseUnavailableError) {
    return clientError(ErrorCode.DATABASE_UNAVAILABLE, 'The database is unavailable; retry in a moment.');
  }
  if (error instanceof DatabaseTimeoutError) {
    return clientError(ErrorCode.DATABASE_TIMEOUT, 'The database did not answer in time; retry or narrow the request.');
  }
  if (error instanceof WorkBudgetExceededError) {
    return error.refusal === 'CALLER_RATE'
      ? clientError(ErrorCode.RATE_LIMITED, error.message, { retryAfter: error.retryAfterSeconds })
      : clientError(ErrorCode.WORK_BUDGET_EXCEEDED, error.message);
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

function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}
