/**
 * A token bucket per key (the token's sub): `burst` requests at once, refilled at `perSecond`.
 * In memory, per process; hand-written because the maintained yoga rate limiters count per
 * field with a store of their own, and what is wanted here is one bucket per caller.
 *
 * Per instance on purpose: behind a load balancer a token gets up to N times the limit through
 * N instances, and the deployment divides the settings by N (README, "Several instances"). The
 * limit keeps one runaway client from loading the database; counting in the database would
 * cost it a write on every request, and a store of its own would be one more thing to run.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token; false when the caller has none left. */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    return allowed;
  }

  /** Seconds until the caller has a token again. */
  retryAfter(key: string): number {
    const bucket = this.buckets.get(key);
    return bucket ? Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond)) : 1;
  }

  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}
