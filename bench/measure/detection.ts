import type { IngestBatchInput } from '../../src/ingest/batch-types.ts';
import { detectRings, timeLouvain, type EvidenceGraph, type LouvainTiming } from '../../src/rings/core/index.ts';
import type { ProjectionRead } from '../../src/rings/projection/evidence-graph-keeper.ts';
import { readRingProjection } from '../../src/rings/projection/read-projection.ts';
import { createSeededRandom } from '../../src/rings/core/index.ts';
import { igraphMultilevel, type IgraphFigures } from './igraph-multilevel.ts';
import { percentile } from './percentile.ts';
import type { LoadedCity } from './read-workload.ts';

export interface DetectionRunFigures {
  ringCount: number;
  stagesMs: Record<string, number>;
  totalMs: number;
  louvainMs: number;
  read: ProjectionRead;
  graphEdges: number;
  /** Projection nodes, and those of them near enough to ring evidence for Louvain to look at. */
  projectionNodes: number;
  graphNodes: number;
  healthP99Ms: number;
  healthMaxMs: number;
  healthFailures: number;
}

export interface DetectionFigures {
  first: DetectionRunFigures;
  /** Records ingested between the runs (1 % of the city's), and the feed's view of them. */
  changedRecords: number;
  repeat: DetectionRunFigures;
  /** graphology's Louvain alone, and igraph's multilevel, on the graph the repeat run's Louvain ran on. */
  graphologyAlone: LouvainTiming;
  igraph: IgraphFigures;
  /** End to end over Louvain alone on the same graph, for each run. */
  firstOverLouvainAlone: number;
  repeatOverLouvainAlone: number;
  louvainOverIgraph: number;
  peakRssMiB: number;
}

const SEED = 1;

/**
 * A first detection run (a full read), a change of 1 % of the city's records through the
 * service's ingest, and a repeat run (the kept graph brought up to date from the change feed),
 * each in the service's process while /health is asked every 100 ms over HTTP. Then, on the
 * graph the repeat run's Louvain ran on, graphology's Louvain alone and igraph's multilevel.
 */
export async function measureDetection(city: LoadedCity, log: (line: string) => void): Promise<DetectionFigures> {
  const first = await timedRun(city, true);
  log(
    `detection: first run ${(first.totalMs / 1000).toFixed(1)} s (${first.read.mode}); changing 1 % of the records...`,
  );
  const changedRecords = await changeOnePercent(city);
  const repeat = await timedRun(city, false);
  log(`detection: repeat run ${(repeat.totalMs / 1000).toFixed(1)} s (${repeat.read.mode})`);
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;

  log('detection: exporting the evidence graph for Louvain alone and igraph...');
  const projection = await readRingProjection(city.service.services.db, { referenceDate: city.referenceDate });
  let graph: EvidenceGraph | undefined;
  let resolution = 1;
  detectRings(projection, { seed: SEED }, [], {
    onGraph: (built, r) => {
      graph = built;
      resolution = r;
    },
  });
  const graphologyAlone = timeLouvain(graph!, { resolution, seed: SEED });
  const igraph = igraphMultilevel(graph!, resolution, log);
  return {
    first,
    changedRecords,
    repeat,
    graphologyAlone,
    igraph,
    firstOverLouvainAlone: first.totalMs / graphologyAlone.durationMs,
    repeatOverLouvainAlone: repeat.totalMs / graphologyAlone.durationMs,
    louvainOverIgraph: graphologyAlone.durationMs / igraph.durationMs,
    peakRssMiB,
  };
}

async function timedRun(city: LoadedCity, fullRead: boolean): Promise<DetectionRunFigures> {
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
  const run = await city.service.services.rings
    .detect({ referenceDate: city.referenceDate, seed: SEED, fullRead })
    .finally(() => (detecting = false));
  await poller;
  const stagesMs = JSON.parse(run.timings ?? '{}') as Record<string, number>;
  const graphStats = JSON.parse(run.graphStats) as {
    graphEdges: number;
    graphNodes: number;
    projectionNodes: number;
    read: ProjectionRead;
  };
  healthLatencies.sort((a, b) => a - b);
  return {
    ringCount: run.ringCount,
    stagesMs,
    totalMs: stagesMs['total'] ?? Number.NaN,
    louvainMs: stagesMs['louvain'] ?? Number.NaN,
    read: graphStats.read,
    graphEdges: graphStats.graphEdges,
    projectionNodes: graphStats.projectionNodes,
    graphNodes: graphStats.graphNodes,
    healthP99Ms: percentile(healthLatencies, 0.99),
    healthMaxMs: healthLatencies.at(-1) ?? Number.NaN,
    healthFailures,
  };
}

/**
 * New records, 1 % of the city's: links between people picked at random (half KNOWS, half
 * RELATIVE_OF), sent through the service's ingest in batches of 5,000 as an agency would.
 */
async function changeOnePercent(city: LoadedCity): Promise<number> {
  const db = city.service.services.db;
  // The records the city was loaded with (links included); a store opened as it is (--city)
  // counts its agency records, which leaves the links out.
  const [{ stored } = { stored: 0 }] = city.records
    ? [{ stored: city.records }]
    : await db.runText<{ stored: number }>('MATCH (s:SourceRecord) RETURN count(s) AS stored');
  const records = Number(stored);
  const [{ refs } = { refs: [] }] = await db.runText<{ refs: [string, string][] }>(
    "MATCH (s:SourceRecord {kind: 'PERSON'}) WITH s LIMIT 500000 RETURN collect([s.source, s.externalId]) AS refs",
  );
  const random = createSeededRandom(2026);
  const pick = () => {
    const [source, externalId] = refs[Math.floor(random() * refs.length)]!;
    return { kind: 'PERSON' as const, externalId, source };
  };
  const total = Math.ceil(records / 100);
  for (let sent = 0, batch = 0; sent < total; batch++) {
    const size = Math.min(5_000, total - sent);
    const links = Array.from({ length: size }, (_, i) => ({
      type: i % 2 ? 'KNOWS' : 'RELATIVE_OF',
      from: pick(),
      to: pick(),
    }));
    await city.service.services.ingest.ingest({
      source: 'bench-change',
      idempotencyKey: `change-${Date.now()}-${batch}`,
      links,
    } as IngestBatchInput);
    sent += size;
  }
  return total;
}
