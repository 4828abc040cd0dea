import type { Plugin } from 'graphql-yoga';
import { CallerWorkLimiter, WorkBudget, type WorkLimits } from '../../linkchart/work-budget.ts';
import { getRequestPrincipal } from './request-principal.ts';

/**
 * Gives each request its work budget (src/linkchart/work-budget.ts), drawn by every link chart,
 * path search and export it runs, and behind it the caller's own bucket, shared by all the
 * caller's requests. GraphQL Armor's cost limit counts fields, not arguments, so it cannot see
 * that `linkChart(maxNodes: 2000, layout: FORCE_ATLAS2)` is a thousand times dearer than
 * `linkChart(maxNodes: 2)`; the budget sees the arguments, variables included.
 */
export function useWorkBudget(limits: WorkLimits): Plugin<{ work: WorkBudget }> {
  const callers = new CallerWorkLimiter(limits.perCallerPerSecond, limits.perCallerBurst);
  return {
    onContextBuilding({ context, extendContext }) {
      const principal = getRequestPrincipal(context.request);
      extendContext({ work: new WorkBudget(principal?.sub ?? 'anonymous', limits, callers) });
    },
  };
}
