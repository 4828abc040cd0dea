/**
 * Gathers the keys asked for in one turn of the event loop and loads them with one call, then
 * answers each from that call's result; a key asked again is answered from the first load.
 * Made per request (see ring-resolvers.ts), so nothing outlives a request and no viewer is
 * answered from another viewer's read. DataLoader's scheme, in the few lines this needs.
 */
export function batchLoader<K, V>(
  load: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
): (key: K) => Promise<V | undefined> {
  const answers = new Map<K, Promise<V | undefined>>();
  let queue: K[] | undefined;
  let batch: Promise<ReadonlyMap<K, V>> | undefined;

  return (key) => {
    const known = answers.get(key);
    if (known) return known;
    if (!queue || !batch) {
      const keys: K[] = [];
      queue = keys;
      // The load starts once the resolvers of this turn have all asked.
      batch = new Promise<void>((ready) => {
        void Promise.resolve().then(() => process.nextTick(ready));
      }).then(() => {
        queue = undefined;
        batch = undefined;
        return load(keys);
      });
    }
    queue.push(key);
    const answer = batch.then((found) => found.get(key));
    answers.set(key, answer);
    return answer;
  };
}

const requestLoaders = new WeakMap<object, Map<string, unknown>>();

/**
 * The batch loader named `name` of one request (its GraphQL context), made on first use: every
 * resolver of the request that asks through it shares its batches and answers.
 */
export function requestLoader<K, V>(
  request: object,
  name: string,
  load: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
): (key: K) => Promise<V | undefined> {
  let loaders = requestLoaders.get(request);
  if (!loaders) {
    loaders = new Map();
    requestLoaders.set(request, loaders);
  }
  let loader = loaders.get(name) as ((key: K) => Promise<V | undefined>) | undefined;
  if (!loader) {
    loader = batchLoader(load);
    loaders.set(name, loader);
  }
  return loader;
}
