import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { Database } from '../../db/database.ts';
import { EvidenceGraphKeeper } from '../projection/evidence-graph-keeper.ts';
import { serializeError } from './detection-thread-errors.ts';
import type {
  DetectionThreadCommand,
  DetectionThreadInput,
  DetectionThreadMessage,
} from './detection-thread-protocol.ts';
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
 * read. The thread lives from run to run (it keeps the evidence graph), so each run starts back
 * at the service's priority where the system allows it. Linux gives each thread a priority of
 * its own (setpriority on the thread id); elsewhere, or where it is refused, detection runs at
 * the service's priority.
 */
function setThreadPriority(priority: number): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, priority);
  } catch {
    // Not Linux, or not allowed (raising it again needs a privilege): no harm done.
  }
}

/** The evidence graph, kept from one run to the next of this thread. */
const keeper = new EvidenceGraphKeeper(input.keeper);

async function detect(command: DetectionThreadCommand): Promise<void> {
  setThreadPriority(0);
  let yielded = false;
  try {
    const db = await Database.connect(input.connection);
    try {
      const run = await runDetection(
        db,
        command.request,
        (progress) => {
          if (progress.stage !== 'projection' && !yielded) {
            yielded = true;
            setThreadPriority(10);
          }
          post({ type: 'progress', progress });
        },
        keeper,
      );
      post({ type: 'done', run });
    } finally {
      // Closing a driver whose database just died may fail too; the detection's own error is the
      // one to answer.
      await db.close().catch(() => undefined);
    }
  } catch (error) {
    post({ type: 'error', error: serializeError(error) });
  }
}

// One run at a time: the service sends the next command only once this one has answered.
port.on('message', (command: DetectionThreadCommand) => {
  if (command.type === 'detect') void detect(command);
});
