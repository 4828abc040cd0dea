import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IngestBatchInput } from '../../ingest/batch-types.ts';
import type { RefLookup, ValidatedBatch } from '../../ingest/validate-batch.ts';
import type { ValidationCommand, ValidationMessage } from './validation-thread-protocol.ts';

interface Task {
  lookup: RefLookup;
  resolve: (result: ValidatedBatch) => void;
  reject: (error: Error) => void;
  worker: Worker;
}

/** A validation thread failed or stopped before it answered: the load stops, nothing is imported. */
export class ValidationThreadError extends Error {
  override name = 'ValidationThreadError';
}

/**
 * Threads that run the ingest's validateBatch for the bulk load, so that checking the records,
 * the part of a bulk load that grows with the input, uses every core while the loading thread
 * reads the input and writes the import files (docs/decisions/0025-bulk-validation-on-threads.md).
 * A batch's lookup of earlier batches' entities comes back to the caller's `lookup`, on the
 * loading thread, which answers it only once the earlier batches are written.
 */
export class ValidationPool {
  private readonly workers: Worker[];
  private readonly tasks = new Map<number, Task>();
  private next = 0;
  private failure: Error | undefined;

  constructor(readonly threads = defaultValidationThreads()) {
    this.workers = Array.from({ length: threads }, () => this.startWorker());
  }

  validate(batch: IngestBatchInput, lookup: RefLookup, now: Date): Promise<ValidatedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    const task = this.next++;
    // Round robin in the input's order: a batch waits only for earlier ones, never behind a later one.
    const worker = this.workers[task % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.tasks.set(task, { lookup, resolve, reject, worker });
      this.post(worker, { type: 'validate', task, batch, nowMillis: now.getTime() });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL('./validation-thread-bootstrap.mjs', import.meta.url));
    worker.on('message', (message: ValidationMessage) => this.receive(message));
    worker.on('error', (error) =>
      this.fail(worker, new ValidationThreadError(`a validation thread failed: ${error.message}`)),
    );
    worker.on('exit', (code) =>
      this.fail(worker, new ValidationThreadError(`a validation thread exited with code ${code}`)),
    );
    return worker;
  }

  private receive(message: ValidationMessage): void {
    const task = this.tasks.get(message.task);
    if (!task) return;
    if (message.type === 'lookup') {
      task.lookup(message.keys).then(
        (known) => this.post(task.worker, { type: 'known', task: message.task, known: new Map(known) }),
        (error: unknown) => this.settle(message.task, (t) => t.reject(error as Error)),
      );
    } else if (message.type === 'validated') {
      this.settle(message.task, (t) => t.resolve(message.result));
    } else {
      const error = new ValidationThreadError(`validating a batch failed: ${message.name}: ${message.message}`);
      this.settle(message.task, (t) => t.reject(error));
    }
  }

  private settle(task: number, outcome: (task: Task) => void): void {
    const found = this.tasks.get(task);
    this.tasks.delete(task);
    if (found) outcome(found);
  }

  /** A thread that dies takes its batches with it, and the pool takes no more. */
  private fail(worker: Worker, error: ValidationThreadError): void {
    this.failure ??= error;
    for (const [id, task] of this.tasks) if (task.worker === worker) this.settle(id, (t) => t.reject(error));
  }

  private post(worker: Worker, command: ValidationCommand): void {
    worker.postMessage(command);
  }
}

/** One thread per core: the loading thread's own work (reading, writing rows) is the smaller part. */
export function defaultValidationThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}
