/**
 * Wakes this process's feed consumers at once after one of its own writes commits, so they
 * need not wait for their next poll (writes of other processes are found by polling).
 */
export class ChangeSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
  }

  /** Resolves on the next notify, or after `ms` at the latest. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }
}
