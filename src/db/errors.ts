import { Neo4jError } from 'neo4j-driver';

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

const unavailableCodes = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** Maps a driver error to the project's own error type, by the driver's error code. */
export function mapDriverError(error: unknown): Error {
  if (error instanceof DatabaseError) return error;
  if (!(error instanceof Neo4jError)) {
    if (error instanceof Error && /ECONNREFUSED|ECONNRESET|socket hang up/i.test(error.message)) {
      return new DatabaseUnavailableError(`the database is unavailable: ${error.message}`, { cause: error });
    }
    return error instanceof Error ? error : new Error(String(error));
  }
  const code = error.code;
  if (unavailableCodes.has(code)) return new DatabaseUnavailableError(undefined, { cause: error });
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new DatabaseAuthError(undefined, { cause: error });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConstraintViolationError(error.message, { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code.includes('TransactionTimedOut')) {
    return new DatabaseTimeoutError(undefined, { cause: error });
  }
  return new DatabaseError(error.message, code, { cause: error });
}
