import { Worker } from 'node:worker_threads';
import type { TransferListItem } from 'node:worker_threads';
import { detectRings } from './detect-rings.ts';
import type { DetectRingsHooks } from './detect-rings.ts';
import type { DetectionWorkerInput, DetectionWorkerMessage, NodesMessage } from './detection-worker-protocol.ts';
import { DetectionWorkerError, InvalidDetectionOptionsError, InvalidProjectionError } from './errors.ts';
import { isEvidenceColumns, toEvidenceColumns } from './evidence-columns.ts';
import { resolveDetectionOptions } from './resolve-detection-options.ts';
import type { DetectionOptionsInput, DetectionResult, PreviousRing, ProjectionNode, RingProjection } from './types.ts';

/**
 * Above this many nodes + edge rows detection runs in a worker thread: Louvain and scoring on a city-sized
 * projection take seconds, which would stall every GraphQL request of the process meanwhile. Below it the
 * cost of starting a worker (and of tsx compiling it) outweighs the work.
 */
export const defaultWorkerThreshold = 50_000;

export interface RunDetectionOptions extends DetectRingsHooks {
  /** 'auto' (default) uses a worker above `workerThreshold`; 'worker' and 'inline' force one or the other. */
  mode?: 'auto' | 'worker' | 'inline';
  workerThreshold?: number;
  /**
   * Hand the projection over to the worker: edge columns have their buffers transferred (detached) instead of
   * copied, and the node list is emptied as its slices are sent, so this thread stops holding a city's
   * nodes while the worker runs. Off by default so the caller's arrays stay usable; columns built here are
   * always transferred.
   */
  detachInput?: boolean;
  /** Nodes per message to the worker (default 20,000: tens of milliseconds of cloning each). */
  nodesPerMessage?: number;
  /** Terminates the worker when aborted. */
  signal?: AbortSignal;
}

/** Runs detectRings in-line for small projections and in a worker thread for large ones; same result either way. */
export async function runDetectRings(
  projection: RingProjection,
  options?: DetectionOptionsInput | null,
  previousRings: readonly PreviousRing[] = [],
  run: RunDetectionOptions = {},
): Promise<DetectionResult> {
  // Fail fast on bad options, before paying for a worker.
  resolveDetectionOptions(options);
  const rowCount = isEvidenceColumns(projection.edges) ? projection.edges.source.length : projection.edges.length;
  const mode = run.mode ?? 'auto';
  const useWorker =
    mode === 'worker' ||
    (mode === 'auto' && projection.nodes.length + rowCount > (run.workerThreshold ?? defaultWorkerThreshold));
  if (!useWorker) {
    const hooks: DetectRingsHooks = run.onProgress !== undefined ? { onProgress: run.onProgress } : {};
    return detectRings(projection, options, previousRings, hooks);
  }
  return detectInWorker(projection, options ?? null, [...previousRings], run);
}

function detectInWorker(
  projection: RingProjection,
  options: DetectionOptionsInput | null,
  previousRings: PreviousRing[],
  run: RunDetectionOptions,
): Promise<DetectionResult> {
  const ownColumns = !isEvidenceColumns(projection.edges);
  const columns = isEvidenceColumns(projection.edges) ? projection.edges : toEvidenceColumns(projection.edges);
  const transferList: TransferListItem[] =
    ownColumns || run.detachInput === true
      ? [...new Set([columns.source.buffer, columns.target.buffer, columns.kind.buffer, columns.count.buffer])].filter(
          // A SharedArrayBuffer is shared, not transferred.
          (buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer,
        )
      : [];
  const workerData: DetectionWorkerInput = {
    edges: columns,
    nodeCount: projection.nodes.length,
    options,
    previousRings,
  };

  return new Promise<DetectionResult>((resolve, reject) => {
    if (run.signal?.aborted === true) {
      reject(new DetectionWorkerError('Ring detection was aborted before it started'));
      return;
    }
    // The worker is TypeScript; the bootstrap registers tsx in the thread, then loads detection-worker.ts.
    const worker = new Worker(new URL('./detection-worker-bootstrap.mjs', import.meta.url), {
      workerData,
      transferList,
    });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = (): void => settle(() => reject(new DetectionWorkerError('Ring detection was aborted')));
    run.signal?.addEventListener('abort', onAbort, { once: true });

    void sendNodes(worker, projection.nodes, {
      perMessage: run.nodesPerMessage ?? defaultNodesPerMessage,
      release: run.detachInput === true,
      over: () => settled,
    });
    worker.on('message', (message: DetectionWorkerMessage) => {
      if (message.type === 'progress') run.onProgress?.(message.event);
      else if (message.type === 'result') settle(() => resolve(message.result));
      else settle(() => reject(rebuildError(message)));
    });
    worker.on('error', (error) =>
      settle(() =>
        reject(new DetectionWorkerError(`Ring detection worker failed: ${error.message}`, { cause: error })),
      ),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new DetectionWorkerError(`Ring detection worker exited with code ${code} before answering`))),
    );
  });
}

/** Nodes per message to the worker: tens of milliseconds of cloning each, so /health keeps answering. */
const defaultNodesPerMessage = 20_000;

/**
 * The projection's nodes to the worker, a slice per turn of the event loop, last slice first (each says where
 * it starts), until they are all sent or it is over. With `release` the list is cut after each slice, so the
 * nodes sent are no longer held here.
 */
async function sendNodes(
  worker: Worker,
  nodes: ProjectionNode[],
  how: { perMessage: number; release: boolean; over: () => boolean },
): Promise<void> {
  for (let end = nodes.length; end > 0 && !how.over(); end -= how.perMessage) {
    const start = Math.max(0, end - how.perMessage);
    const message: NodesMessage = { type: 'nodes', start, nodes: nodes.slice(start, end) };
    worker.postMessage(message);
    if (how.release) nodes.length = start;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Errors cross the thread boundary as plain data; give callers back the classes they test for. */
function rebuildError(message: Extract<DetectionWorkerMessage, { type: 'error' }>): Error {
  if (message.name === 'InvalidDetectionOptionsError') return new InvalidDetectionOptionsError(message.issues);
  if (message.name === 'InvalidProjectionError') return new InvalidProjectionError(message.issues);
  return new DetectionWorkerError(`Ring detection failed in the worker: ${message.name}: ${message.message}`);
}
