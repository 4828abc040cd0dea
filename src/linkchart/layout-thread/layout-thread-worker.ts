import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { layoutChart } from '../layout-chart.ts';
import type { LayoutAnswer, LayoutJob } from './layout-thread-protocol.ts';

// Entry point of the thread started by layout-thread.ts; not meant to be imported.
const port = parentPort;
if (port === null) throw new Error('layout-thread-worker.ts must run in a worker thread');

// Layouts take what the service's own thread leaves: on two busy cores /health and the
// requests' I/O come first. Linux gives each thread a priority of its own (setpriority on the
// thread id); elsewhere, or where it is refused, the layouts run at the service's priority.
try {
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, 5);
} catch {
  // Not Linux, or not allowed: no harm done.
}

port.on('message', (job: LayoutJob) => {
  let answer: LayoutAnswer;
  try {
    const positions = layoutChart(job.chart);
    const ids = [...positions.keys()];
    const xs = new Float64Array(ids.length);
    const ys = new Float64Array(ids.length);
    ids.forEach((id, i) => {
      const position = positions.get(id)!;
      xs[i] = position.x;
      ys[i] = position.y;
    });
    answer = { id: job.id, ok: true, ids, xs, ys };
  } catch (error) {
    answer = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
