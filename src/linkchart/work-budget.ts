import { layoutIterations } from './layout-chart.ts';
import type { ChartLayout } from './chart-types.ts';
import { CapabilityError, ErrorCode } from '../shared/capability-error.ts';

/**
 * Work of the investigator's graph reads in one unit: a node laid out for one iteration. A
 * chart costs its nodes once (reading them, a radial layout) and, with ForceAtlas2, its nodes
 * times its iterations on top: a 2,000-node ForceAtlas2 chart is 62,000 units, a 300-node
 * radial one 300. Not exact CPU time (below 500 nodes an iteration costs n² steps), but it
 * grows with what a caller can ask for and is known before the work starts.
 */
export function chartWork(nodes: number, layout: ChartLayout | null): number {
  if (nodes <= 0) return 0;
  return layout === 'FORCE_ATLAS2' ? nodes * (1 + layoutIterations(nodes)) : nodes;
}

/**
 * The most a chart of at most `maxNodes` nodes may cost. Not simply chartWork(maxNodes): small
 * ForceAtlas2 charts get more iterations (layoutIterations), so a chart that comes out at 163
 * nodes costs more than one of 300.
 */
export function maxChartWork(maxNodes: number, layout: ChartLayout | null): number {
  if (layout !== 'FORCE_ATLAS2') return chartWork(maxNodes, layout);
  let most = maxNodesWork.get(maxNodes);
  if (most === undefined) {
    most = 0;
    for (let n = 1; n <= maxNodes; n++) most = Math.max(most, chartWork(n, layout));
    maxNodesWork.set(maxNodes, most);
  }
  return most;
}

const maxNodesWork = new Map<number, number>();

/** At most `first` paths chosen from a bounded number of candidates, each up to `maxLength` links long. */
export function pathsWork(maxLength: number): number {
  return PATH_CANDIDATES * (maxLength + 1);
}

/** The shortest-path candidates findPaths reads at most (its two statements' limits together). */
const PATH_CANDIDATES = 230;

export type WorkRefusal = 'REQUEST_BUDGET' | 'CALLER_RATE';

/** A request over its own budget answers WORK_BUDGET_EXCEEDED; a caller over its share, RATE_LIMITED with retryAfter. */
export class WorkBudgetExceededError extends CapabilityError {
  override name = 'WorkBudgetExceededError';
  override readonly code: ErrorCode;
  override readonly details: Readonly<Record<string, unknown>>;
  constructor(
    message: string,
    readonly refusal: WorkRefusal,
    /** For CALLER_RATE: seconds until the caller's share has refilled enough. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
    this.code = refusal === 'CALLER_RATE' ? ErrorCode.RATE_LIMITED : ErrorCode.WORK_BUDGET_EXCEEDED;
    this.details = refusal === 'CALLER_RATE' ? { retryAfter: retryAfterSeconds } : {};
  }
}

/**
 * Work units per caller (the token's sub): a bucket of `burst` units refilled at `perSecond`,
 * so a caller who keeps asking for the largest charts is slowed to a bounded share of the
 * machine whatever the number of requests it sends.
 */
export class CallerWorkLimiter {
  private readonly buckets = new Map<string, { units: number; at: number }>();

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes `units` from the caller's bucket; false (nothing taken) when it holds fewer. */
  take(caller: string, units: number): boolean {
    const bucket = this.refill(caller);
    if (bucket.units < units) return false;
    bucket.units -= units;
    return true;
  }

  give(caller: string, units: number): void {
    const bucket = this.refill(caller);
    bucket.units = Math.min(this.burst, bucket.units + units);
  }

  /** Seconds until the caller's bucket holds `units` again. */
  retryAfter(caller: string, units: number): number {
    const bucket = this.refill(caller);
    return Math.max(1, Math.ceil((Math.min(units, this.burst) - bucket.units) / this.perSecond));
  }

  private refill(caller: string): { units: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(caller) ?? { units: this.burst, at: now };
    bucket.units = Math.min(this.burst, bucket.units + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(caller, bucket);
    if (this.buckets.size > 10_000) this.forgetFull();
    return bucket;
  }

  private forgetFull(): void {
    for (const [caller, bucket] of this.buckets) if (bucket.units >= this.burst) this.buckets.delete(caller);
  }
}

export interface WorkLimits {
  /** Units one request may spend over all its charts, paths and exports. */
  perRequest: number;
  /** Units per caller: refill rate and bucket size. */
  perCallerPerSecond: number;
  perCallerBurst: number;
}

export const DEFAULT_WORK_LIMITS: WorkLimits = {
  perRequest: 125_000,
  perCallerPerSecond: 250_000,
  perCallerBurst: 500_000,
};

/**
 * One request's budget, which every chart, path search and export draws from before it
 * starts, by the most it may cost, and is refunded what it did not use once it knows. The same
 * draw comes out of the caller's bucket. Draws are taken in the order the resolvers ask, so
 * of thirty aliased charts the first ones the budget covers run and the rest are refused at
 * once, before they read anything.
 */
export class WorkBudget {
  private remaining: number;

  constructor(
    readonly caller: string,
    private readonly limits: Pick<WorkLimits, 'perRequest'>,
    private readonly callers: CallerWorkLimiter | null,
  ) {
    this.remaining = limits.perRequest;
  }

  /** A budget that never refuses, for callers inside the service (scripts, tests of the capability). */
  static unlimited(caller = 'service'): WorkBudget {
    return new WorkBudget(caller, { perRequest: Number.POSITIVE_INFINITY }, null);
  }

  get left(): number {
    return this.remaining;
  }

  /** Takes `units` for `what` (a phrase for the message) or throws WorkBudgetExceededError. */
  draw(units: number, what: string): void {
    if (units > this.remaining) {
      throw new WorkBudgetExceededError(
        `${what} may cost up to ${units} work units and this request has ${Math.floor(this.remaining)} of ` +
          `${this.limits.perRequest} left; ask for fewer nodes, a RADIAL layout, or split the request`,
        'REQUEST_BUDGET',
        null,
      );
    }
    if (this.callers && !this.callers.take(this.caller, units)) {
      const retryAfter = this.callers.retryAfter(this.caller, units);
      throw new WorkBudgetExceededError(
        `this token has used its share of chart work (${this.callers.perSecond} units a second); retry in ${retryAfter} s`,
        'CALLER_RATE',
        retryAfter,
      );
    }
    this.remaining -= units;
  }

  /** Gives back what a draw did not use. */
  refund(units: number): void {
    if (units <= 0) return;
    this.remaining += units;
    this.callers?.give(this.caller, units);
  }
}
