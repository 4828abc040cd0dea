import { parentPort } from 'node:worker_threads';
import { validateBatch, type KnownEntity } from '../../ingest/validate-batch.ts';
import type { ValidationCommand, ValidationMessage } from './validation-thread-protocol.ts';

// A validation thread: checks batches with the ingest's own validateBatch, asking the loading
// thread for the entities earlier batches wrote. It takes a new batch while one waits for its
// answer, so the thread keeps checking records while the loading thread catches up.
const port = parentPort!;
const waiting = new Map<number, (known: Map<string, KnownEntity>) => void>();
const post = (message: ValidationMessage) => port.postMessage(message);

port.on('message', (command: ValidationCommand) => {
  if (command.type === 'known') {
    waiting.get(command.task)?.(command.known);
    waiting.delete(command.task);
    return;
  }
  const { task, batch, nowMillis } = command;
  const lookup = (keys: readonly string[]) =>
    new Promise<Map<string, KnownEntity>>((resolve) => {
      waiting.set(task, resolve);
      post({ type: 'lookup', task, keys: [...keys] });
    });
  validateBatch(batch, lookup, new Date(nowMillis)).then(
    (result) => post({ type: 'validated', task, result }),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      post({ type: 'failed', task, name: e.name, message: e.message });
    },
  );
});
