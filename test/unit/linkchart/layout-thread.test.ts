import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutChart, type LayoutInput } from '../../../src/linkchart/layout-chart.ts';
import { LayoutThreads } from '../../../src/linkchart/layout-thread/layout-thread.ts';

const threads = new LayoutThreads(1);
// Loading the thread (tsx compiles the layout's TypeScript in it) is not what these tests measure.
beforeAll(() => threads.layout(ringWithChords(60), 'warm-up'), 120_000);
afterAll(() => threads.close());

function ringWithChords(n: number): LayoutInput {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${String(i).padStart(4, '0')}` }));
  const edges = nodes.flatMap((node, i) => [
    { source: node.id, target: nodes[(i + 1) % n]!.id, weight: 1 },
    { source: node.id, target: nodes[(i * 7 + 3) % n]!.id, weight: 2 },
  ]);
  return { nodes, edges };
}

describe('the layout threads', () => {
  it('give the same coordinates as the layout in place', async () => {
    const chart = ringWithChords(120);
    expect(await threads.layout(chart, 'alice')).toEqual(layoutChart(chart));
  }, 60_000);

  it('serve callers in turn: one caller with many charts queued does not hold back another', async () => {
    const done: string[] = [];
    const big = ringWithChords(400);
    const greedy = Array.from({ length: 4 }, (_, i) =>
      threads.layout(big, 'greedy').then(() => done.push(`greedy-${i}`)),
    );
    const patient = threads.layout(ringWithChords(100), 'patient').then(() => done.push('patient'));
    await Promise.all([...greedy, patient]);
    // The first greedy chart was already running; the patient caller's comes next.
    expect(done.indexOf('patient')).toBe(1);
  }, 60_000);

  it('keep the event loop free while a large chart is laid out', async () => {
    const layout = threads.layout(ringWithChords(1500), 'alice');
    let slowest = 0;
    let last = performance.now();
    let finished = false;
    void layout.finally(() => (finished = true));
    while (!finished) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const now = performance.now();
      slowest = Math.max(slowest, now - last);
      last = now;
    }
    expect((await layout).size).toBe(1500);
    expect(slowest).toBeLessThan(250);
  }, 60_000);
});
