import {
  ConstraintViolationError,
  DatabaseAuthError,
  DatabaseError,
  DatabaseTimeoutError,
  DatabaseUnavailableError,
  mapDriverError,
} from '../../db/errors.ts';
import { DetectionWorkerError, InvalidDetectionOptionsError, InvalidProjectionError } from '../core/index.ts';

/**
 * An error as it crosses the detection thread's boundary. A thread can only post plain data, so
 * an error arrives on the service's thread without its class: this is the project's own error
 * classes reduced to what rebuilds them (name, code, message, issues), so the service answers a
 * failure inside the thread exactly as it answers the same failure on its own thread.
 */
export interface CrossingError {
  /** The class's name, which picks the class it is rebuilt into. */
  name: string;
  message: string;
  /** A DatabaseError's code (DATABASE_UNAVAILABLE, CONSTRAINT_VIOLATION, a Neo4j code...). */
  code?: string;
  /** The problems listed by InvalidDetectionOptionsError and InvalidProjectionError. */
  issues?: string[];
}

interface CrossingClass {
  name: string;
  is: (error: Error) => boolean;
  rebuild: (crossing: CrossingError) => Error;
}

/** Every class that crosses as itself, subclasses before the classes they extend. */
const classes: CrossingClass[] = [
  {
    name: 'DatabaseUnavailableError',
    is: (error) => error instanceof DatabaseUnavailableError,
    rebuild: ({ message }) => new DatabaseUnavailableError(message),
  },
  {
    name: 'DatabaseAuthError',
    is: (error) => error instanceof DatabaseAuthError,
    rebuild: ({ message }) => new DatabaseAuthError(message),
  },
  {
    name: 'ConstraintViolationError',
    is: (error) => error instanceof ConstraintViolationError,
    rebuild: ({ message }) => new ConstraintViolationError(message),
  },
  {
    name: 'DatabaseTimeoutError',
    is: (error) => error instanceof DatabaseTimeoutError,
    rebuild: ({ message }) => new DatabaseTimeoutError(message),
  },
  {
    // Any other database failure keeps the Neo4j code it was mapped with.
    name: 'DatabaseError',
    is: (error) => error instanceof DatabaseError,
    rebuild: ({ message, code }) => new DatabaseError(message, code ?? 'DATABASE_ERROR'),
  },
  {
    name: 'InvalidDetectionOptionsError',
    is: (error) => error instanceof InvalidDetectionOptionsError,
    rebuild: ({ issues }) => new InvalidDetectionOptionsError(issues ?? []),
  },
  {
    name: 'InvalidProjectionError',
    is: (error) => error instanceof InvalidProjectionError,
    rebuild: ({ issues }) => new InvalidProjectionError(issues ?? []),
  },
  {
    name: 'DetectionWorkerError',
    is: (error) => error instanceof DetectionWorkerError,
    rebuild: ({ message }) => new DetectionWorkerError(message),
  },
];

/**
 * What the thread posts for an error. A driver error that reached this far unmapped goes through
 * the same mapping as every database call (src/db/errors.ts), so it crosses as a DatabaseError.
 */
export function serializeError(error: unknown): CrossingError {
  const mapped = mapDriverError(error);
  const known = classes.find((entry) => entry.is(mapped));
  if (!known) return { name: mapped.name, message: mapped.message };
  return {
    name: known.name,
    message: mapped.message,
    ...(mapped instanceof DatabaseError ? { code: mapped.code } : {}),
    ...(mapped instanceof InvalidDetectionOptionsError || mapped instanceof InvalidProjectionError
      ? { issues: [...mapped.issues] }
      : {}),
  };
}

/**
 * The error the caller gets: the class it was in the thread, or a DetectionWorkerError (masked
 * as "Unexpected error.") for anything that is not the project's own, its name and message kept
 * for the log.
 */
export function rebuildError(crossing: CrossingError): Error {
  const known = classes.find((entry) => entry.name === crossing.name);
  if (known) return known.rebuild(crossing);
  return new DetectionWorkerError(`Ring detection failed: ${crossing.name}: ${crossing.message}`);
}
