/**
 * Stable machine codes that clients see in `extensions.code`. They live below every layer so
 * that a capability can say which code its refusal answers with, and src/graphql/errors.ts
 * turns every such error into a client error in one place.
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
  /** A saved chart's file (importSavedChart) that is not one: not JSON, another format, or values out of bounds. */
  INVALID_CHART_FILE: 'INVALID_CHART_FILE',
  /** The audit record could not be written, so the result is withheld. */
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The root of each capability's own error class (RingDetectionError, LinkChartError, ...).
 * `code` is what the API answers with; null marks a failure of the service itself, which the
 * API masks as "Unexpected error." like any other. `details` go into the error's extensions,
 * so they must be safe to show the caller (ids it sent, a count), never data it may not see.
 */
export class CapabilityError extends Error {
  readonly code: ErrorCode | null = null;
  readonly details: Readonly<Record<string, unknown>> = {};
}
