import { Worker } from 'node:worker_threads';
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import {
  ConstraintViolationError,
  DatabaseAuthError,
  DatabaseError,
  DatabaseTimeoutError,
  DatabaseUnavailableError,
  mapDriverError,
} from '../../../src/db/errors.ts';
import { createMaskError } from '../../../src/graphql/errors.ts';
import {
  DetectionWorkerError,
  InvalidDetectionOptionsError,
  InvalidProjectionError,
} from '../../../src/rings/core/index.ts';
import { detectInThread } from '../../../src/rings/detection-thread/detection-thread.ts';
import {
  rebuildError,
  serializeError,
  type CrossingError,
} from '../../../src/rings/detection-thread/detection-thread-errors.ts';
import { freePort } from '../../support/service-process.ts';
import { errorKinds, errorOfKind, type ErrorKind } from './fixtures/thread-error-kinds.ts';

/** What each kind must be on the service's side of the boundary, and what a client sees of it. */
const expected: Record<ErrorKind, { type: new (...args: never[]) => Error; code?: string; client: string }> = {
  'lost connection': { type: DatabaseUnavailableError, code: 'DATABASE_UNAVAILABLE', client: 'DATABASE_UNAVAILABLE' },
  'connection refused': {
    type: DatabaseUnavailableError,
    code: 'DATABASE_UNAVAILABLE',
    client: 'DATABASE_UNAVAILABLE',
  },
  'database unavailable': {
    type: DatabaseUnavailableError,
    code: 'DATABASE_UNAVAILABLE',
    client: 'DATABASE_UNAVAILABLE',
  },
  timeout: { type: DatabaseTimeoutError, code: 'DATABASE_TIMEOUT', client: 'DATABASE_TIMEOUT' },
  // Masked on the service's own thread too: a constraint refusing a detection's write is a bug.
  constraint: { type: ConstraintViolationError, code: 'CONSTRAINT_VIOLATION', client: 'INTERNAL_SERVER_ERROR' },
  auth: { type: DatabaseAuthError, code: 'DATABASE_AUTH', client: 'DATABASE_UNAVAILABLE' },
  'other database error': {
    type: DatabaseError,
    code: 'Neo.DatabaseError.Statement.ExecutionFailed',
    client: 'INTERNAL_SERVER_ERROR',
  },
  // The resolver answers these BAD_USER_INPUT itself; the mask alone does not know them.
  'invalid options': { type: InvalidDetectionOptionsError, code: 'BAD_USER_INPUT', client: 'BAD_USER_INPUT' },
  'invalid projection': { type: InvalidProjectionError, client: 'INTERNAL_SERVER_ERROR' },
  'not our own': { type: DetectionWorkerError, client: 'INTERNAL_SERVER_ERROR' },
};

/** What a client gets for an error thrown by a resolver: the service's mask, as yoga applies it. */
function clientView(error: unknown): { message: string; extensions: unknown } {
  const mask = createMaskError(() => undefined);
  const wrapped = createGraphQLError(error instanceof Error ? error.message : String(error), {
    originalError: error instanceof Error ? error : undefined,
    path: ['detectRings'],
  });
  const masked = mask(wrapped, 'Unexpected error.') as GraphQLError;
  return { message: masked.message, extensions: masked.extensions };
}

/** The error as the service's own thread would see it: through the driver-error mapping. */
function onTheServiceThread(kind: ErrorKind): Error {
  return mapDriverError(errorOfKind(kind));
}

/** Runs a thread that raises each kind and posts it serialised, and rebuilds what arrives. */
async function throughAThread(kinds: readonly ErrorKind[]): Promise<Map<ErrorKind, Error>> {
  const worker = new Worker(new URL('./fixtures/errors-thread-bootstrap.mjs', import.meta.url), {
    workerData: kinds,
  });
  const rebuilt = new Map<ErrorKind, Error>();
  try {
    await new Promise<void>((done, fail) => {
      worker.on('message', (message: { kind: ErrorKind; error: CrossingError }) => {
        rebuilt.set(message.kind, rebuildError(message.error));
        if (rebuilt.size === kinds.length) done();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`the thread exited with code ${code} after ${rebuilt.size} errors`)));
    });
  } finally {
    await worker.terminate();
  }
  return rebuilt;
}

describe('errors crossing the detection thread', () => {
  describe.each(errorKinds)('%s', (kind) => {
    const want = expected[kind];
    const original = onTheServiceThread(kind);
    const rebuilt = rebuildError(structuredClone(serializeError(errorOfKind(kind))));

    it('comes back as the class, code and message it had in the thread', () => {
      expect(rebuilt).toBeInstanceOf(want.type);
      if (kind !== 'not our own') {
        expect(rebuilt.name).toBe(original.name);
        expect(rebuilt.message).toBe(original.message);
      }
      // A ring error without a client code carries null (src/shared/capability-error.ts).
      expect((rebuilt as Partial<DatabaseError>).code ?? undefined).toBe(want.code);
      if (original instanceof InvalidDetectionOptionsError || original instanceof InvalidProjectionError) {
        expect((rebuilt as InvalidDetectionOptionsError).issues).toEqual(original.issues);
      }
    });

    it('answers the client as the same failure on the service thread does', () => {
      const client = clientView(rebuilt);
      expect(client.extensions).toMatchObject({ code: want.client });
      expect(client).toEqual(clientView(original));
    });
  });

  it('keeps the name and message of an error that is not the project own, for the log', () => {
    const rebuilt = rebuildError(serializeError(errorOfKind('not our own')));
    expect(rebuilt.message).toBe(
      "Ring detection failed: TypeError: Cannot read properties of undefined (reading 'members')",
    );
  });

  it('crosses a real thread boundary for every kind', async () => {
    const rebuilt = await throughAThread(errorKinds);
    for (const kind of errorKinds) {
      const error = rebuilt.get(kind);
      expect(error, kind).toBeInstanceOf(expected[kind].type);
      expect(clientView(error), kind).toEqual(clientView(onTheServiceThread(kind)));
    }
  }, 30_000);

  it('answers DATABASE_UNAVAILABLE when detection cannot reach the database', async () => {
    // Nothing listens on a port just freed: the thread's own connection is refused.
    const port = await freePort();
    const failure = await detectInThread({
      connection: { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'unused', database: 'neo4j' },
      request: { seed: 7 },
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect(clientView(failure).extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
  }, 30_000);
});
