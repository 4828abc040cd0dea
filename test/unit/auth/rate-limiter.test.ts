import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/auth/rate-limiter.ts';

describe('the per-token rate limit', () => {
  it('allows a burst, then refills at the rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(10, 3, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now += 100; // one token back at 10 per second
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    expect(limiter.retryAfter('a')).toBe(1);
  });
});
