import { Worker } from 'node:worker_threads';
import { DetectionWorkerError, resolveDetectionOptions } from '../core/index.ts';
import type { DatabaseOptions } from '../../db/database.ts';
import { defaultKeeperOptions, type KeeperOptions } from '../projection/evidence-graph-keeper.ts';
import { rebuildError } from './detection-thread-errors.ts';
import type {
  DetectionThreadCommand,
  DetectionThreadInput,
  DetectionThreadMessage,
} from './detection-thread-protocol.ts';
import { coreOptions, type DetectRingsRequest, type DetectionProgress } from './run-detection.ts';

export interface DetectionThreadRequest {
  connection: Omit<DatabaseOptions, 'registry'>;
  request: DetectRingsRequest;
  onProgress?: (progress: DetectionProgress) => void;
}

interface Pending {
  resolve: (run: Record<string, unknown>) => void;
  reject: (error: Error) => void;
  onProgress: ((progress: DetectionProgress) => void) | undefined;
}

/**
 * Runs detections (run-detection.ts: projection, core, write-back) in a thread of its own, with
 * its own connection to Neo4j, and answers each finished run's properties. A city's projection
 * is millions of rows and objects, and its rings hundreds of thousands of members: decoded,
 * handed over and collected on the service's thread, they held up every other request for whole
 * seconds.
 *
 * The thread lives from one run to the next and keeps the evidence graph it read
 * (EvidenceGraphKeeper), so a run after a small change reads only what changed. A thread that
 * dies takes its graph with it: the next run starts a new one, which reads in full.
 */
export class DetectionThread {
  private worker: Worker | undefined;
  private pending: Pending | undefined;

  constructor(
    private readonly connection: Omit<DatabaseOptions, 'registry'>,
    private readonly keeper: KeeperOptions = defaultKeeperOptions,
  ) {}

  /** One run at a time: the caller (RingDetectionService) holds the detection lock. */
  detect(
    request: DetectRingsRequest,
    onProgress?: (progress: DetectionProgress) => void,
  ): Promise<Record<string, unknown>> {
    if (this.pending) return Promise.reject(new DetectionWorkerError('a detection is already running in this thread'));
    // Bad options fail here, before a thread and a projection are paid for.
    resolveDetectionOptions(coreOptions(request));
    const worker = this.worker ?? this.start();
    // Held by the run while it lasts, so a command that only waits for it does not exit.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, onProgress };
      const command: DetectionThreadCommand = { type: 'detect', request };
      worker.postMessage(command);
    });
  }

  /** Stops the thread, and with it the graph it keeps. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const workerData: DetectionThreadInput = { connection: this.connection, keeper: this.keeper };
    // The worker is TypeScript; the bootstrap registers tsx in the thread, then loads the worker.
    const worker = new Worker(new URL('./detection-thread-bootstrap.mjs', import.meta.url), { workerData });
    // An idle thread holding a graph does not keep the process alive; the service closes it.
    worker.unref();
    this.worker = worker;
    worker.on('message', (message: DetectionThreadMessage) => {
      if (message.type === 'progress') this.pending?.onProgress?.(message.progress);
      else if (message.type === 'done') this.settle((pending) => pending.resolve(message.run));
      // The thread's failure as the class it was raised as, so the service answers it as it
      // answers the same failure on its own thread (a lost database: DATABASE_UNAVAILABLE).
      else this.settle((pending) => pending.reject(rebuildError(message.error)));
    });
    worker.on('error', (error) => {
      this.forget(worker);
      this.settle((pending) => pending.reject(uncaughtInThread(error)));
    });
    worker.on('exit', (code) => {
      this.forget(worker);
      this.settle((pending) =>
        pending.reject(new DetectionWorkerError(`Ring detection thread exited with code ${code} before answering`)),
      );
    });
    return worker;
  }

  private forget(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
  }

  private settle(outcome: (pending: Pending) => void): void {
    const pending = this.pending;
    this.pending = undefined;
    this.worker?.unref();
    if (pending) outcome(pending);
  }
}

/** One run in a thread of its own, which ends with it: for a command that detects once. */
export async function detectInThread(request: DetectionThreadRequest): Promise<Record<string, unknown>> {
  const thread = new DetectionThread(request.connection);
  try {
    return await thread.detect(request.request, request.onProgress);
  } finally {
    await thread.close();
  }
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
