/** An item of a stream, with the outcome of recording its disclosure. */
export interface Disclosed<T> {
  item: T;
  /** Why its disclosure record could not be written: the item must not go out. */
  error?: unknown;
}

/**
 * The items of `source`, in order, each once its disclosure record is written (`record`). The
 * records are started as the items arrive, not one after another as the client takes them, so a
 * burst of alerts to one subscriber is recorded in a few grouped writes of the audit trail (which
 * commits concurrent appends together) rather than one round trip per alert; still no item leaves
 * before its own record is stored. Returning (the client left) ends the source.
 */
export function disclosedInOrder<T>(
  source: AsyncIterator<T>,
  record: (item: T) => Promise<unknown>,
): AsyncIterableIterator<Disclosed<T>> {
  const queue: Promise<Disclosed<T>>[] = [];
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  void (async () => {
    try {
      for (;;) {
        const next = await source.next();
        if (next.done) break;
        const item = next.value;
        queue.push(
          record(item).then(
            () => ({ item }),
            (error: unknown) => ({ item, error }),
          ),
        );
        notify();
      }
    } catch (error) {
      failure = error;
    } finally {
      finished = true;
      notify();
    }
  })();
  const iterator: AsyncIterableIterator<Disclosed<T>> = {
    async next() {
      while (!queue.length && !finished) await new Promise<void>((resolve) => (wake = resolve));
      const first = queue.shift();
      if (first) return { value: await first, done: false };
      if (failure !== undefined) throw failure;
      return { value: undefined, done: true };
    },
    async return() {
      finished = true;
      queue.length = 0;
      notify();
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
