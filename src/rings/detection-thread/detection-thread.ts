import { Worker } from 'node:worker_threads';
import {
  DetectionWorkerError,
  InvalidDetectionOptionsError,
  InvalidProjectionError,
  resolveDetectionOptions,
  type DetectionOptionsInput,
  type DetectionResult,
  type PreviousRing,
  type ProgressEvent,
} from '../core/index.ts';
import type { DatabaseOptions } from '../../db/database.ts';
import type { DetectionThreadInput, DetectionThreadMessage } from './detection-thread-protocol.ts';

export interface DetectionThreadRequest {
  connection: Omit<DatabaseOptions, 'registry'>;
  referenceDate: string;
  options: DetectionOptionsInput | null;
  previousRings: PreviousRing[];
  onProjectionProgress?: (stage: string, rows: number) => void;
  onProgress?: (event: ProgressEvent) => void;
}

/**
 * Reads the projection and detects rings in a thread of its own, with its own connection to Neo4j.
 * A city's projection is millions of rows and objects: decoded on the service's thread, and collected
 * there by the garbage collector, they held up every other request for whole seconds at a time, and
 * handing them over to a detection thread afterwards kept two copies alive at once.
 */
export function detectInThread(
  request: DetectionThreadRequest,
): Promise<{ result: DetectionResult; projectionMs: number }> {
  // Bad options fail here, before a thread and a projection are paid for.
  resolveDetectionOptions(request.options);
  const workerData: DetectionThreadInput = {
    connection: request.connection,
    referenceDate: request.referenceDate,
    options: request.options,
    previousRings: request.previousRings,
  };
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
      if (message.type === 'projection') request.onProjectionProgress?.(message.stage, message.rows);
      else if (message.type === 'progress') request.onProgress?.(message.event);
      else if (message.type === 'result') settle(() => resolve(message));
      else settle(() => reject(rebuildError(message)));
    });
    worker.on('error', (error) =>
      settle(() =>
        reject(new DetectionWorkerError(`Ring detection thread failed: ${error.message}`, { cause: error })),
      ),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new DetectionWorkerError(`Ring detection thread exited with code ${code} before answering`))),
    );
  });
}

/** Errors cross the thread boundary as plain data; give callers back the classes they test for. */
function rebuildError(message: Extract<DetectionThreadMessage, { type: 'error' }>): Error {
  if (message.name === 'InvalidDetectionOptionsError') return new InvalidDetectionOptionsError(message.issues);
  if (message.name === 'InvalidProjectionError') return new InvalidProjectionError(message.issues);
  return new DetectionWorkerError(`Ring detection failed: ${message.name}: ${message.message}`);
}
