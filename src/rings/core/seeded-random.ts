/**
 * mulberry32: a tiny 32-bit PRNG returning floats in [0, 1).
 *
 * Why not Math.random: Louvain visits nodes in random order, and analysts must get the same rings from
 * the same data and seed (and the worker thread the same as the main thread). Why this one: it is
 * small, fast, passes the usual statistical tests well enough for shuffling, and is trivially
 * reproducible in any language should GDS-side detection need to be compared.
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
