import { Worker } from 'node:worker_threads';
import { DetectionWorkerError, resolveDetectionOptions } from '../core/index.ts';
import type { DatabaseOptions } from '../../db/database.ts';
import { rebuildError } from './detection-thread-errors.ts';
import type { DetectionThreadInput, DetectionThreadMessage } from './detection-thread-protocol.ts';
import { coreOptions, type DetectRingsRequest, type DetectionProgress } from './run-detection.ts';

export interface DetectionThreadRequest {
  connection: Omit<DatabaseOptions, 'registry'>;
  request: DetectRingsRequest;
  onProgress?: (progress: DetectionProgress) => void;
}

/**
 * Runs a detection (run-detection.ts: projection, core, write-back) in a thread of its own, with
 * its own connection to Neo4j, and answers the finished run's properties. A city's projection is
 * millions of rows and objects, and its rings hundreds of thousands of members: decoded, handed
 * over and collected on the service's thread, they held up every other request for whole seconds.
 */
export function detectInThread(request: DetectionThreadRequest): Promise<Record<string, unknown>> {
  // Bad options fail here, before a thread and a projection are paid for.
  resolveDetectionOptions(coreOptions(request.request));
  const workerData: DetectionThreadInput = { connection: request.connection, request: request.request };
  return new Promise((resolve, reject) => {
    // The worker is TypeScript; the bootstrap registers tsx in the thread, then loads the worker.
    const worker = new Worker(new URL('./detection-thread-bootstrap.mjs', import.meta.url), { workerData });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on('message', (message: DetectionThreadMessage) => {
      if (message.type === 'progress') request.onProgress?.(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.run));
      // The thread's failure as the class it was raised as, so the service answers it as it
      // answers the same failure on its own thread (a lost database: DATABASE_UNAVAILABLE).
      else settle(() => reject(rebuildError(message.error)));
    });
    worker.on('error', (error) => settle(() => reject(uncaughtInThread(error))));
    worker.on('exit', (code) =>
      settle(() => reject(new DetectionWorkerError(`Ring detection thread exited with code ${code} before answering`))),
    );
  });
}

/**
 * An error the thread did not catch. Node hands it over without its class but with its own
 * properties, the project's errors' `name` and `code` among them: one of those is rebuilt as
 * the class it was; anything else is a DetectionWorkerError.
 */
function uncaughtInThread(error: Error): Error {
  const code = (error as { code?: unknown }).code;
  const rebuilt = rebuildError({
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
  });
  if (!(rebuilt instanceof DetectionWorkerError)) return rebuilt;
  return new DetectionWorkerError(`Ring detection thread failed: ${error.message}`, { cause: error });
}
