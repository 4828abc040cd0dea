import { describe, expect, it } from 'vitest';
import { runDetectRings } from '../../../src/rings/core/run-in-worker.ts';
import type { DetectionResult, ProgressEvent } from '../../../src/rings/core/types.ts';
import { addBackground, plantTraffickingRing } from './fixtures/city-scenario.ts';
import { ProjectionBuilder } from './fixtures/projection-builder.ts';

function projection() {
  const builder = new ProjectionBuilder();
  plantTraffickingRing(builder, 'A');
  plantTraffickingRing(builder, 'B');
  addBackground(builder, 12);
  return builder.build();
}

const stable = (result: DetectionResult) => ({
  rings: result.rings,
  modularity: result.modularity,
  graphStats: result.graphStats,
});

describe('runDetectRings', () => {
  it('gives the same result in a worker thread as in-line, and reports progress', { timeout: 30_000 }, async () => {
    const inline = await runDetectRings(projection(), { seed: 3 }, [], { mode: 'inline' });
    const events: ProgressEvent[] = [];
    const inWorker = await runDetectRings(projection(), { seed: 3 }, [], {
      mode: 'worker',
      onProgress: (event) => events.push(event),
    });
    expect(stable(inWorker)).toEqual(stable(inline));
    // The nodes travel in slices, so a city's millions never hold the event loop at once.
    const sliced = await runDetectRings(projection(), { seed: 3 }, [], { mode: 'worker', nodesPerMessage: 7 });
    expect(stable(sliced)).toEqual(stable(inline));
    // Handed over, the projection's nodes are no longer held by the caller once sent.
    const handedOver = projection();
    const detached = await runDetectRings(handedOver, { seed: 3 }, [], {
      mode: 'worker',
      nodesPerMessage: 7,
      detachInput: true,
    });
    expect(stable(detached)).toEqual(stable(inline));
    expect(handedOver.nodes).toEqual([]);
    expect(events.map((event) => event.stage)).toEqual(['validate', 'build-graph', 'louvain', 'score', 'match']);
  });

  it('picks the worker above the threshold, and brings typed errors back from it', { timeout: 30_000 }, async () => {
    const auto = await runDetectRings(projection(), null, [], { workerThreshold: 10 });
    expect(auto.rings.length).toBeGreaterThan(0);
    const broken = projection();
    const rows = broken.edges as { source: number }[];
    rows[0]!.source = 10_000;
    await expect(runDetectRings(broken, null, [], { mode: 'worker' })).rejects.toMatchObject({
      name: 'InvalidProjectionError',
    });
    await expect(runDetectRings(projection(), { resolution: 0 }, [], { mode: 'worker' })).rejects.toMatchObject({
      name: 'InvalidDetectionOptionsError',
    });
  });
});
