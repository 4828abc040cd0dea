import { parentPort, workerData } from 'node:worker_threads';
import { detectRings } from './detect-rings.ts';
import type { DetectionWorkerInput, DetectionWorkerMessage } from './detection-worker-protocol.ts';

// Entry point of the worker thread started by run-in-worker.ts; not meant to be imported.
const port = parentPort;
if (port === null) throw new Error('detection-worker.ts must run in a worker thread');
const post = (message: DetectionWorkerMessage): void => port.postMessage(message);

const input = workerData as DetectionWorkerInput;
try {
  const result = detectRings(input.projection, input.options, input.previousRings, {
    onProgress: (event) => post({ type: 'progress', event }),
  });
  post({ type: 'result', result });
} catch (error) {
  const issues = error instanceof Error && 'issues' in error && Array.isArray(error.issues) ? error.issues : [];
  post({
    type: 'error',
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
    issues: issues.map(String),
  });
}
