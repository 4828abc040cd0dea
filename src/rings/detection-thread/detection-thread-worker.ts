import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { Database } from '../../db/database.ts';
import { serializeError } from './detection-thread-errors.ts';
import type { DetectionThreadInput, DetectionThreadMessage } from './detection-thread-protocol.ts';
import { runDetection } from './run-detection.ts';

// Entry point of the thread started by detection-thread.ts; not meant to be imported.
const port = parentPort;
if (port === null) throw new Error('detection-thread-worker.ts must run in a worker thread');
const post = (message: DetectionThreadMessage): void => port.postMessage(message);
const input = workerData as DetectionThreadInput;

/**
 * Detection keeps a core busy for a minute or so on a large city; at a lower priority than the
 * service's own thread it takes what the service leaves, so /health and investigators' requests
 * are answered first. Only once the projection is read: while reading, Neo4j does most of the
 * work and waits for this thread to take its rows, so slowing the thread would only stretch the
 * read. Linux gives each thread a priority of its own
 * (setpriority on the thread id); elsewhere, or where it is refused, detection runs at the
 * service's priority.
 */
let yielded = false;
function yieldToTheService(): void {
  if (yielded) return;
  yielded = true;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, 10);
  } catch {
    // Not Linux, or not allowed: no harm done.
  }
}

try {
  const db = await Database.connect(input.connection);
  try {
    const run = await runDetection(db, input.request, (progress) => {
      if (progress.stage !== 'projection') yieldToTheService();
      post({ type: 'progress', progress });
    });
    post({ type: 'done', run });
  } finally {
    // Closing a driver whose database just died may fail too; the detection's own error is the
    // one to answer.
    await db.close().catch(() => undefined);
  }
} catch (error) {
  post({ type: 'error', error: serializeError(error) });
}
