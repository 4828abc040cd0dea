import { Neo4jError, error as driverErrors } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  ConstraintViolationError,
  DatabaseAuthError,
  DatabaseError,
  DatabaseTimeoutError,
  DatabaseUnavailableError,
  mapDriverError,
} from '../../../src/db/errors.ts';

/** A driver error as the driver builds one from a server's FAILURE message. */
function driverError(code: string, message = 'the server says no'): Neo4jError {
  return new Neo4jError(message, code, '50N42', 'error: general processing exception - unexpected error');
}

/** A Node socket error, as the driver's channel sees it before it wraps it. */
function socketError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('mapDriverError', () => {
  it.each([
    [driverErrors.SERVICE_UNAVAILABLE, DatabaseUnavailableError],
    [driverErrors.SESSION_EXPIRED, DatabaseUnavailableError],
    ['Neo.TransientError.General.DatabaseUnavailable', DatabaseUnavailableError],
    // Every transient code is the driver's "may pass on retry", not only those someone listed.
    ['Neo.TransientError.Transaction.DeadlockDetected', DatabaseUnavailableError],
    ['Neo.TransientError.Cluster.NotALeader', DatabaseUnavailableError],
    ['Neo.ClientError.Security.Unauthorized', DatabaseAuthError],
    ['Neo.ClientError.Security.AuthenticationRateLimit', DatabaseAuthError],
    ['Neo.ClientError.Transaction.TransactionTimedOut', DatabaseTimeoutError],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', DatabaseTimeoutError],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', ConstraintViolationError],
  ])('maps %s to %o', (code, type) => {
    const cause = driverError(code);
    const mapped = mapDriverError(cause);
    expect(mapped.constructor).toBe(type);
    expect(mapped.cause).toBe(cause);
  });

  it('agrees with the driver on which failures may pass on retry', () => {
    for (const code of [
      driverErrors.SERVICE_UNAVAILABLE,
      'Neo.TransientError.Transaction.DeadlockDetected',
      'Neo.ClientError.Statement.SyntaxError',
      'Neo.ClientError.Schema.ConstraintValidationFailed',
    ]) {
      const cause = driverError(code);
      expect(mapDriverError(cause) instanceof DatabaseUnavailableError, code).toBe(cause.retryable);
    }
  });

  it('keeps any other driver error as a DatabaseError with its code, never the driver error itself', () => {
    const mapped = mapDriverError(driverError('Neo.ClientError.Statement.SyntaxError', 'Invalid input'));
    expect(mapped).toBeInstanceOf(DatabaseError);
    expect(mapped).not.toBeInstanceOf(DatabaseUnavailableError);
    expect(mapped).toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError', message: 'Invalid input' });
  });

  it('reads a refused or dropped socket by its code, whatever its message says', () => {
    expect(mapDriverError(socketError('ECONNREFUSED', 'connect failed 127.0.0.1:7687'))).toBeInstanceOf(
      DatabaseUnavailableError,
    );
    expect(mapDriverError(socketError('ECONNRESET', 'socket hang up'))).toBeInstanceOf(DatabaseUnavailableError);
    const unrelated = new Error('ECONNREFUSED in a message is not a refused socket');
    expect(mapDriverError(unrelated)).toBe(unrelated);
  });

  it('passes the project’s own errors and anything else through', () => {
    const own = new DatabaseTimeoutError();
    expect(mapDriverError(own)).toBe(own);
    const plain = new TypeError('a bug');
    expect(mapDriverError(plain)).toBe(plain);
    expect(mapDriverError('text')).toMatchObject({ message: 'text' });
  });
});
