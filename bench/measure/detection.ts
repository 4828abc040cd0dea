import { percentile } from './percentile.ts';
import type { LoadedCity } from './read-workload.ts';

export interface DetectionFigures {
  ringCount: number;
  stagesMs: Record<string, number>;
  totalMs: number;
  louvainMs: number;
  /** End-to-end time over the Louvain stage alone. */
  endToEndOverLouvain: number;
  graphEdges: number;
  /** Projection nodes, and those of them near enough to ring evidence for Louvain to look at. */
  projectionNodes: number;
  graphNodes: number;
  louvainEdgesPerSecond: number;
  peakRssMiB: number;
  healthP99Ms: number;
  healthMaxMs: number;
  healthFailures: number;
}

/**
 * One detection run on the loaded city, in the service's process, while /health is asked
 * every 100 ms over HTTP: the service must keep answering while it detects.
 */
export async function measureDetection(city: LoadedCity): Promise<DetectionFigures> {
  const healthLatencies: number[] = [];
  let healthFailures = 0;
  let detecting = true;
  const poller = (async () => {
    while (detecting) {
      const t0 = performance.now();
      try {
        const response = await fetch(`${city.service.url}/health`, { signal: AbortSignal.timeout(5_000) });
        if (response.status !== 200) healthFailures += 1;
      } catch {
        healthFailures += 1;
      }
      healthLatencies.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const run = await city.service.services.rings.detect({ referenceDate: city.referenceDate });
  detecting = false;
  await poller;
  const stagesMs = JSON.parse(run.timings ?? '{}') as Record<string, number>;
  const graphStats = JSON.parse(run.graphStats) as {
    graphEdges: number;
    graphNodes: number;
    projectionNodes: number;
  };
  const louvainMs = stagesMs['louvain'] ?? Number.NaN;
  const totalMs = stagesMs['total'] ?? Number.NaN;
  healthLatencies.sort((a, b) => a - b);
  return {
    ringCount: run.ringCount,
    stagesMs,
    totalMs,
    louvainMs,
    endToEndOverLouvain: totalMs / louvainMs,
    graphEdges: graphStats.graphEdges,
    projectionNodes: graphStats.projectionNodes,
    graphNodes: graphStats.graphNodes,
    louvainEdgesPerSecond: graphStats.graphEdges / (louvainMs / 1000),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    healthP99Ms: percentile(healthLatencies, 0.99),
    healthMaxMs: healthLatencies.at(-1) ?? Number.NaN,
    healthFailures,
  };
}
