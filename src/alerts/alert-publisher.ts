import type { ChangeFeed } from '../changes/change-feed.ts';
import type { ChangeSignal } from '../changes/change-signal.ts';
import type { AlertRecord } from './alert-records.ts';
import type { AlertService } from './alert-service.ts';

/**
 * Follows the change feed from the present for ALERTS_RAISED records, whichever instance wrote
 * them, and hands each alert to this instance's subscribers (graphql-yoga's pub/sub). Its
 * position is in memory: subscribers are live connections, and after a restart they connect
 * again and read what they missed with the alerts query.
 */
export class AlertPublisher {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private position = -1;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly alerts: AlertService,
    private readonly signal: ChangeSignal,
    private readonly publish: (alert: AlertRecord) => void,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    this.position = await this.feed.head();
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.signal.notify();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        while (!this.stopped) {
          const events = await this.feed.read(this.position, 500);
          if (!events.length) break;
          const ids = events.flatMap((e) =>
            e.kind === 'ALERTS_RAISED' ? ((e.payload['alertIds'] as string[] | undefined) ?? []) : [],
          );
          for (const alert of await this.alerts.byIds(ids)) this.publish(alert);
          this.position = events.at(-1)!.seq;
        }
      } catch (error) {
        this.onError(error);
      }
      if (!this.stopped) await this.signal.wait(this.pollMs);
    }
  }
}
