/**
 * Waits for `work` to settle, or `ms`, whichever comes first. For a shutdown that must not hang
 * on background work stuck in the database (a lock wait of up to a transaction's timeout): what
 * is still running is rolled back when the driver closes, and done again by the next process.
 */
export async function waitAtMost(work: Promise<unknown> | undefined, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work?.catch(() => undefined), new Promise<void>((done) => (timer = setTimeout(done, ms)))]);
  clearTimeout(timer);
}
