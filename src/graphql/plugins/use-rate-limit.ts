import type { Plugin } from 'graphql-yoga';
import { RateLimiter } from '../../auth/rate-limiter.ts';
import { ErrorCode, clientError } from '../errors.ts';
import { getRequestPrincipal } from './request-principal.ts';

/** Per-token request rate (src/auth/rate-limiter.ts): past it, RATE_LIMITED with HTTP 429 and Retry-After. */
export function useRateLimit(options: { perSecond: number; burst: number }): Plugin {
  const limiter = new RateLimiter(options.perSecond, options.burst);
  return {
    onParams({ request, setResult }) {
      const principal = getRequestPrincipal(request);
      if (!principal || limiter.take(principal.sub)) return;
      const retryAfter = limiter.retryAfter(principal.sub);
      setResult({
        errors: [
          clientError(ErrorCode.RATE_LIMITED, `too many requests for this token; retry in ${retryAfter} s`, {
            http: { status: 429, headers: { 'retry-after': String(retryAfter) } },
          }),
        ],
      });
    },
  };
}
