import { parentPort, workerData } from 'node:worker_threads';
import { detectRings } from './detect-rings.ts';
import type { DetectionWorkerInput, DetectionWorkerMessage, NodesMessage } from './detection-worker-protocol.ts';
import type { ProjectionNode } from './types.ts';

// Entry point of the worker thread started by run-in-worker.ts; not meant to be imported.
const port = parentPort;
if (port === null) throw new Error('detection-worker.ts must run in a worker thread');
const post = (message: DetectionWorkerMessage): void => port.postMessage(message);

const input = workerData as DetectionWorkerInput;
const nodes: ProjectionNode[] = new Array<ProjectionNode>(input.nodeCount);
let received = 0;

function detect(): void {
  try {
    const result = detectRings({ nodes, edges: input.edges }, input.options, input.previousRings, {
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
}

// The nodes arrive in slices after the start, in any order; detection begins when they are all here.
if (input.nodeCount === 0) detect();
else {
  port.on('message', (message: NodesMessage) => {
    message.nodes.forEach((node, i) => (nodes[message.start + i] = node));
    received += message.nodes.length;
    if (received < input.nodeCount) return;
    port.removeAllListeners('message');
    detect();
  });
}
