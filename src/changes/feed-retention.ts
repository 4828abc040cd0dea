import type { Database } from '../db/database.ts';
import { waitAtMost } from '../shared/wait-at-most.ts';
import { ChangeSignal } from './change-signal.ts';

export interface FeedRetentionOptions {
  /** Records younger than this stay, whoever has read them (CHANGE_FEED_RETENTION_DAYS). */
  retentionMs: number;
  /** Records deleted per transaction: each step holds only this many deletions in memory. */
  batchSize: number;
  /** How often the background loop prunes. */
  intervalMs: number;
}

export const defaultFeedRetention: FeedRetentionOptions = {
  retentionMs: 30 * 86_400_000,
  batchSize: 1_000,
  intervalMs: 10 * 60_000,
};

/**
 * Keeps the change feed from growing without bound: deletes the records that every consumer
 * has passed and that are older than the retention, oldest first, in transactions of at most
 * `batchSize` records (docs/decisions/0020-change-feed-retention.md). A consumer reads only
 * forward from its position, so what is below every position is never read again; the
 * retention keeps a margin for readers that follow the feed without a stored position (the
 * live publisher) and for an operator reading what happened. Instances prune in turns.
 */
/** How long stop() waits for a prune in flight. */
const STOP_WAIT_MS = 5_000;

export class FeedRetention {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private readonly wake = new ChangeSignal();

  constructor(
    private readonly db: Database,
    private readonly options: FeedRetentionOptions,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Deletes what may go at `now`; returns how many records went. */
  async prune(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.options.retentionMs).toISOString();
    let total = 0;
    for (;;) {
      const [row] = await this.db.write<{ scanned: number; deleted: number }>(
        'changes/prune-changes',
        { cutoff, limit: this.options.batchSize, now: new Date().toISOString() },
        { timeoutMs: 120_000, metadata: { operation: 'pruneChanges' } },
      );
      const deleted = Number(row?.deleted ?? 0);
      total += deleted;
      // A step that found younger records among the oldest, or fewer than it may take, is the last.
      if (deleted < this.options.batchSize) return total;
      if (this.stopped) return total;
    }
  }

  /** Prunes every interval in the background, the first time soon after the start. */
  start(): void {
    this.loop ??= this.run();
  }

  /**
   * Stops the loop. A shutdown does not wait for housekeeping: a prune still running after
   * STOP_WAIT_MS (a long scan, or a lock wait of up to its 120 s timeout) is left to the
   * database, which rolls it back when the driver closes; what it would have deleted goes next time.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake.notify();
    await waitAtMost(this.loop, STOP_WAIT_MS);
  }

  private async run(): Promise<void> {
    // Not at once: a service starting should answer first; several starting together spread out.
    await this.wake.wait(Math.min(this.options.intervalMs, 30_000 + Math.random() * 30_000));
    while (!this.stopped) {
      try {
        await this.prune();
      } catch (error) {
        this.onError(error);
      }
      if (!this.stopped) await this.wake.wait(this.options.intervalMs);
    }
  }
}
