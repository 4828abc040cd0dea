import { Neo4jError, isRetryableError } from 'neo4j-driver';

/** The project's database errors; everything above src/db/ sees these, never a driver error. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    message: string,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The database cannot be reached or is restarting; the caller may retry later. */
export class DatabaseUnavailableError extends DatabaseError {
  override name = 'DatabaseUnavailableError';
  constructor(message = 'the database is unavailable', options?: ErrorOptions) {
    super(message, 'DATABASE_UNAVAILABLE', options);
  }
}

/** The credentials were refused. */
export class DatabaseAuthError extends DatabaseError {
  override name = 'DatabaseAuthError';
  constructor(message = 'the database refused the credentials', options?: ErrorOptions) {
    super(message, 'DATABASE_AUTH', options);
  }
}

/** A uniqueness or existence constraint refused a write. */
export class ConstraintViolationError extends DatabaseError {
  override name = 'ConstraintViolationError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'CONSTRAINT_VIOLATION', options);
  }
}

/** The transaction ran past its timeout. */
export class DatabaseTimeoutError extends DatabaseError {
  override name = 'DatabaseTimeoutError';
  constructor(message = 'the database query timed out', options?: ErrorOptions) {
    super(message, 'DATABASE_TIMEOUT', options);
  }
}

const authCodes = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

const timeoutCodes = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** What Node reports when the socket to the database could not be opened or was dropped. */
const socketErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * Maps a driver error to the project's own error type. Whether a failure may pass on retry is
 * the driver's call (`isRetryableError`: ServiceUnavailable, SessionExpired and every
 * TransientError), so a new transient code from a later Neo4j is covered without a list here;
 * the rest is keyed on the driver's error code, never on its message.
 */
export function mapDriverError(error: unknown): Error {
  if (error instanceof DatabaseError) return error;
  if (!(error instanceof Neo4jError)) {
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof Error && typeof code === 'string' && socketErrorCodes.has(code)) {
      return new DatabaseUnavailableError(`the database is unavailable: ${error.message}`, { cause: error });
    }
    return error instanceof Error ? error : new Error(String(error));
  }
  const code = error.code;
  if (authCodes.has(code)) return new DatabaseAuthError(undefined, { cause: error });
  // Before the retryable check: a timeout is the request's own doing, and retrying it as is fails again.
  if (timeoutCodes.has(code)) return new DatabaseTimeoutError(undefined, { cause: error });
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConstraintViolationError(error.message, { cause: error });
  }
  if (isRetryableError(error)) return new DatabaseUnavailableError(undefined, { cause: error });
  return new DatabaseError(error.message, code, { cause: error });
}
