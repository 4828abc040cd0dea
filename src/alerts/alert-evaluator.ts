import { appendChange, type ChangeEvent } from '../changes/change-event.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import type { ChangeSignal } from '../changes/change-signal.ts';
import type { Database, Transaction } from '../db/database.ts';
import { waitAtMost } from '../shared/wait-at-most.ts';
import type { AlertRecord } from './alert-records.ts';
import type { AlertOptions } from './alert-options.ts';
import { storeFindings, type Finding, type FoundAt } from './alert-writer.ts';
import { activityFindings } from './rules/activity-rules.ts';
import { factsOf } from './rules/ingest-facts.ts';
import { minorExitFindings } from './rules/minor-border-exit.ts';
import { noReturnFindings } from './rules/no-return.ts';
import { ringChangedFindings } from './rules/ring-changed.ts';
import type { WebhookRegistry } from './webhooks/webhook-registry.ts';

/** Feed records one evaluation step takes at most (fewer after a step failed). */
const STEP_RECORDS = 200;

/** How long stop() waits for the step in flight. */
const STOP_WAIT_MS = 5_000;

/** The consumer name under which every instance evaluates the feed (they take turns). */
export const ALERT_CONSUMER = 'alerts';

/**
 * Reads the change feed from its stored position and raises alerts: the rules' findings, the
 * new position, an ALERTS_RAISED record in the feed (for every instance's subscribers) and the
 * webhook deliveries, all in one transaction per step. The first evaluator on a database begins
 * at the feed's head (`start`); a restart resumes from the stored position;
 * a step done again after a crash finds its alerts by their dedupe keys.
 */
export class AlertEvaluator {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private noReturnLoop: Promise<void> | undefined;
  private noReturnTimer: NodeJS.Timeout | undefined;
  private wakeNoReturn: (() => void) | undefined;
  private stepLimit = STEP_RECORDS;

  constructor(
    private readonly db: Database,
    private readonly feed: ChangeFeed,
    private readonly signal: ChangeSignal,
    private readonly webhooks: WebhookRegistry,
    private readonly options: AlertOptions,
    private readonly onError: (error: unknown) => void,
    private readonly onRaised: () => void = () => undefined,
  ) {}

  /**
   * Creates the feed position at the head if this is the first evaluator on the database, then
   * evaluates in the background. Eagerly: a first start on a database with history begins at
   * the present (the history is not news), and every write once this returns is evaluated,
   * including one that lands before the first poll.
   */
  async start(): Promise<void> {
    if (this.loop) return;
    await this.feed.consumer(ALERT_CONSUMER).create();
    this.loop ??= this.run();
    this.noReturnLoop ??= this.runNoReturn(Math.min(this.options.noReturnCheckMs, 5_000));
  }

  /**
   * Stops after the step in flight, waiting for it at most STOP_WAIT_MS: a step waiting for
   * another instance's turn on the feed, or a long one, is rolled back when the driver closes
   * and done again by whichever evaluator comes next (its alerts and position commit together).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.signal.notify();
    clearTimeout(this.noReturnTimer);
    this.wakeNoReturn?.();
    await waitAtMost(Promise.all([this.loop, this.noReturnLoop]), STOP_WAIT_MS);
  }

  /** Evaluates every record up to the head (or until stopped); returns the alerts raised or updated. */
  async drain(): Promise<AlertRecord[]> {
    const raised: AlertRecord[] = [];
    // A stop between steps ends the drain: the next evaluator resumes at the stored position.
    while (!this.stopped) {
      let step;
      try {
        step = await this.feed.consumer(ALERT_CONSUMER).step((batch, tx) => this.evaluate(batch, tx), this.stepLimit);
      } catch (error) {
        // A step that failed (ran out of its transaction's time, say) is tried again with half
        // as many records, down to one: a run of huge batches slows the feed but cannot stall it.
        this.stepLimit = Math.max(1, Math.floor(this.stepLimit / 2));
        throw error;
      }
      this.stepLimit = Math.min(STEP_RECORDS, this.stepLimit * 2);
      // Published once its step commits, not at the end of the drain: while ingest keeps writing,
      // a drain goes on for batch after batch, and the first batch's alerts would wait for the last.
      if (step.result?.length) this.onRaised();
      raised.push(...(step.result ?? []));
      if (!step.events.length) break;
    }
    return raised;
  }

  /** The scheduled NO_RETURN check, at `now`. */
  async checkNoReturn(now = new Date()): Promise<AlertRecord[]> {
    const raised = await this.db.writeTransaction(
      async (tx) => {
        const findings = await noReturnFindings(tx, now, { days: this.options.noReturnDays, limit: 500 });
        return this.store(tx, findings, 0, now);
      },
      { metadata: { operation: 'checkNoReturn' } },
    );
    if (raised.length) this.onRaised();
    return raised;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.drain();
      } catch (error) {
        // After a stop, a step cut off by the driver's close is no failure to report.
        if (!this.stopped) this.onError(error);
      }
      if (!this.stopped) await this.signal.wait(this.options.pollMs);
    }
  }

  /**
   * The scheduled NO_RETURN check, on a loop of its own: it reads every protected person's
   * crossings, seconds on a city, and the feed's alerts must not wait behind it.
   */
  private async runNoReturn(firstInMs: number): Promise<void> {
    let wait = firstInMs;
    while (!this.stopped) {
      await new Promise<void>((wake) => {
        this.wakeNoReturn = wake;
        // Not what keeps a process alive: the service stops the evaluator when it closes.
        this.noReturnTimer = setTimeout(wake, wait).unref();
      });
      if (this.stopped) break;
      try {
        await this.checkNoReturn();
      } catch (error) {
        if (!this.stopped) this.onError(error);
      }
      wait = this.options.noReturnCheckMs;
    }
  }

  private async evaluate(events: ChangeEvent[], tx: Transaction): Promise<AlertRecord[]> {
    const now = new Date();
    const found: FoundAt[] = [];
    for (const event of events) {
      for (const finding of await this.findings(event, tx, now)) found.push({ finding, changeSeq: event.seq });
    }
    const raised = await storeFindings(tx, found, now.toISOString());
    await this.announce(tx, raised, `${events[0]!.seq}-${events.at(-1)!.seq}`);
    return raised;
  }

  private async store(tx: Transaction, findings: Finding[], seq: number, now: Date): Promise<AlertRecord[]> {
    const raised = await storeFindings(
      tx,
      findings.map((finding) => ({ finding, changeSeq: seq })),
      now.toISOString(),
    );
    await this.announce(tx, raised, `no-return-${now.toISOString()}`);
    return raised;
  }

  /** The feed record that tells every instance's subscribers, and the webhook deliveries. */
  private async announce(tx: Transaction, raised: AlertRecord[], batchId: string): Promise<void> {
    if (!raised.length) return;
    await this.webhooks.enqueue(tx, raised);
    await appendChange(tx, {
      kind: 'ALERTS_RAISED',
      batchId: `alerts|${batchId}`,
      source: null,
      entityIds: [...new Set(raised.flatMap((a) => a.entityIds))],
      entityKinds: [],
      linkTypes: [],
      recordKeys: [],
      payload: { alertIds: raised.map((a) => a.id) },
    });
  }

  private async findings(event: ChangeEvent, tx: Transaction, now: Date): Promise<Finding[]> {
    switch (event.kind) {
      case 'INGEST': {
        const facts = factsOf(event);
        if (!facts.length) return [];
        return [
          ...(await activityFindings(tx, event, facts)),
          ...(await minorExitFindings(tx, event, facts, { windowMs: this.options.minorExitWindowMs })),
        ];
      }
      case 'DETECTION_RUN':
        return ringChangedFindings(tx, event, now);
      default:
        // Merges, unmerges and verdicts bring no new record: they are in the feed for other consumers.
        return [];
    }
  }
}
