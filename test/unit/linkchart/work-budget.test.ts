import { describe, expect, it } from 'vitest';
import { layoutIterations } from '../../../src/linkchart/layout-chart.ts';
import {
  CallerWorkLimiter,
  WorkBudget,
  WorkBudgetExceededError,
  chartWork,
  maxChartWork,
} from '../../../src/linkchart/work-budget.ts';

describe('chart work', () => {
  it('is the nodes for a radial chart, nodes times iterations on top for ForceAtlas2', () => {
    expect(chartWork(300, 'RADIAL')).toBe(300);
    expect(chartWork(300, null)).toBe(300);
    expect(chartWork(2000, 'FORCE_ATLAS2')).toBe(2000 * (1 + layoutIterations(2000)));
    expect(chartWork(0, 'FORCE_ATLAS2')).toBe(0);
  });

  it('is reserved at the most any chart up to maxNodes may cost, small ForceAtlas2 charts getting more iterations', () => {
    expect(maxChartWork(300, 'RADIAL')).toBe(300);
    expect(maxChartWork(2000, 'FORCE_ATLAS2')).toBe(62_000);
    expect(maxChartWork(300, 'FORCE_ATLAS2')).toBeGreaterThan(chartWork(300, 'FORCE_ATLAS2'));
    for (let n = 1; n <= 300; n++)
      expect(chartWork(n, 'FORCE_ATLAS2')).toBeLessThanOrEqual(maxChartWork(300, 'FORCE_ATLAS2'));
  });
});

describe('a request budget', () => {
  it('lets draws through until the budget is spent, then refuses with the figures', () => {
    const budget = new WorkBudget('alice', { perRequest: 100 }, null);
    budget.draw(60, 'a chart');
    expect(() => budget.draw(50, 'another chart')).toThrow(
      /another chart may cost up to 50 work units and this request has 40 of 100 left/,
    );
    budget.draw(40, 'a small chart');
    expect(budget.left).toBe(0);
    budget.refund(30);
    budget.draw(30, 'what was given back');
  });

  it('draws from the caller as well, and names the wait when the caller has used its share', () => {
    let now = 0;
    const callers = new CallerWorkLimiter(10, 100, () => now);
    const first = new WorkBudget('alice', { perRequest: 1000 }, callers);
    first.draw(80, 'a chart');
    const second = new WorkBudget('alice', { perRequest: 1000 }, callers);
    let refusal: unknown;
    try {
      second.draw(50, 'a chart');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(WorkBudgetExceededError);
    expect(refusal).toMatchObject({ refusal: 'CALLER_RATE', retryAfterSeconds: 3 });
    // Another caller has a bucket of its own; time refills the first one's.
    new WorkBudget('bob', { perRequest: 1000 }, callers).draw(100, 'a chart');
    now = 3000;
    second.draw(50, 'a chart');
  });

  it('an unlimited budget never refuses', () => {
    const budget = WorkBudget.unlimited();
    for (let i = 0; i < 100; i++) budget.draw(1e9, 'a huge chart');
  });
});
