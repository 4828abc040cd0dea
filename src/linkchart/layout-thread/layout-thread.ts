import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { layoutChart, type LayoutInput } from '../layout-chart.ts';
import type { LayoutAnswer, LayoutJob } from './layout-thread-protocol.ts';

type Positions = Map<string, { x: number; y: number }>;

interface Pending {
  caller: string;
  job: LayoutJob;
  resolve: (positions: Positions) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

/** Charts this small are laid out in place: a millisecond or two, less than a message round trip. */
const INLINE_NODES = 40;

export class LayoutThreadError extends Error {
  override name = 'LayoutThreadError';
}

/**
 * ForceAtlas2 off the service's own thread: a 2,000-node chart takes a second or more of CPU,
 * which on the event loop would stall /health and every other caller for as long. One worker
 * per spare core (at least one), kept for the life of the process and unref'd so it never
 * holds the process open. Jobs wait in one queue per caller, and the next job is that of the
 * waiting caller served longest ago, so a caller with thirty charts queued delays another
 * caller's one chart by at most the charts already running.
 * The worker runs the same layoutChart, so a chart's coordinates do not depend on where it ran.
 */
export class LayoutThreads {
  private readonly slots: (Slot | null)[];
  private readonly queues = new Map<string, Pending[]>();
  /** When each caller last had a job started, in turns. */
  private readonly served = new Map<string, number>();
  private turns = 0;
  private nextId = 1;

  constructor(threads = Math.max(1, Math.min(2, availableParallelism() - 1))) {
    this.slots = Array.from({ length: threads }, () => null);
  }

  layout(chart: LayoutInput, caller: string): Promise<Positions> {
    if (chart.nodes.length <= INLINE_NODES) return Promise.resolve(layoutChart(chart));
    return new Promise<Positions>((resolve, reject) => {
      const queue = this.queues.get(caller) ?? [];
      if (!this.queues.has(caller)) this.queues.set(caller, queue);
      queue.push({ caller, job: { id: this.nextId++, chart: plain(chart) }, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Starts the threads now rather than on the first large chart: a thread loads the layout's
   * TypeScript through tsx, which takes a second or more, and that chart should not pay for it.
   */
  warmUp(): void {
    for (let i = 0; i < this.slots.length; i++) this.slots[i] ??= this.start(i);
  }

  /** Stops the threads; jobs in flight or queued fail with LayoutThreadError. */
  async close(): Promise<void> {
    for (const queue of this.queues.values()) {
      for (const pending of queue) pending.reject(new LayoutThreadError('the layout threads were stopped'));
    }
    this.queues.clear();
    await Promise.all(
      this.slots.map(async (slot, i) => {
        this.slots[i] = null;
        slot?.busy?.reject(new LayoutThreadError('the layout threads were stopped'));
        await slot?.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    for (let i = 0; i < this.slots.length; i++) {
      if (this.slots[i]?.busy) continue;
      const next = this.takeNext();
      if (!next) return;
      const slot = (this.slots[i] ??= this.start(i));
      slot.busy = next;
      slot.worker.postMessage(next.job);
    }
  }

  /** The next job of the waiting caller served longest ago (never, for a newcomer). */
  private takeNext(): Pending | undefined {
    let chosen: string | undefined;
    for (const caller of this.queues.keys()) {
      if (chosen === undefined || (this.served.get(caller) ?? 0) < (this.served.get(chosen) ?? 0)) chosen = caller;
    }
    if (chosen === undefined) return undefined;
    const queue = this.queues.get(chosen)!;
    const next = queue.shift();
    if (!queue.length) this.queues.delete(chosen);
    this.served.delete(chosen);
    this.served.set(chosen, ++this.turns);
    // The oldest entries are of callers long gone; a newcomer counts as never served anyway.
    if (this.served.size > 10_000) this.served.delete(this.served.keys().next().value!);
    return next;
  }

  private start(index: number): Slot {
    // The worker is TypeScript; the bootstrap registers tsx in the thread, then loads the worker.
    const worker = new Worker(new URL('./layout-thread-bootstrap.mjs', import.meta.url));
    worker.unref();
    const slot: Slot = { worker, busy: null };
    const fail = (error: Error) => {
      if (this.slots[index] === slot) this.slots[index] = null;
      slot.busy?.reject(error);
      slot.busy = null;
      void worker.terminate();
      this.dispatch();
    };
    worker.on('message', (answer: LayoutAnswer) => {
      const pending = slot.busy;
      if (!pending || pending.job.id !== answer.id) return;
      slot.busy = null;
      if (answer.ok) {
        const positions: Positions = new Map();
        answer.ids.forEach((id, i) => positions.set(id, { x: answer.xs[i]!, y: answer.ys[i]! }));
        pending.resolve(positions);
      } else {
        pending.reject(new LayoutThreadError(`the layout failed: ${answer.message}`));
      }
      this.dispatch();
    });
    worker.on('error', (error) => fail(new LayoutThreadError(`the layout thread failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (this.slots[index] === slot) fail(new LayoutThreadError(`the layout thread exited with code ${code}`));
    });
    return slot;
  }
}

/** Only what the layout reads crosses the thread boundary, not the chart's labels and kinds. */
function plain(chart: LayoutInput): LayoutInput {
  return {
    nodes: chart.nodes.map((node) => ({ id: node.id })),
    edges: chart.edges.map((edge) => ({ source: edge.source, target: edge.target, weight: edge.weight })),
  };
}

let shared: LayoutThreads | undefined;

/** The process's layout threads, started on first use. */
export function sharedLayoutThreads(): LayoutThreads {
  return (shared ??= new LayoutThreads());
}
