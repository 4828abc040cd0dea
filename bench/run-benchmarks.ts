// npm run bench [-- --quick] [-- --only ingest,bulk,ingest-statements,louvain,detection,linkchart,search] [-- --city <DATA_DIR>]
//   [-- --bulk-preset bench] [-- --people N] [-- --bulk-only]
//   [-- --bolt-port N] (ingest-statements: its own Neo4j's Bolt port, 0 a free one; with NEO4J_URI set it
//   measures on that server instead)
// Measures side by side in one run and prints one table plus one JSON line per figure
// (lines starting with {"bench":...}), so the figures in BENCHMARKS.md can be reproduced.
// Full mode uses the scenario generator's bench preset (1M people) for the read workloads; --city reuses
// the store a `seed:load` of that preset (seed 1) left under DATA_DIR instead of loading it again.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { createSeededRandom } from '../src/rings/core/index.ts';
import { measureBulkVersusIngest } from './measure/bulk-vs-ingest.ts';
import { measureDetection } from './measure/detection.ts';
import { measureIngestStatements } from './measure/ingest-statements.ts';
import { measureIngestThroughput } from './measure/ingest-throughput.ts';
import type { JvmCpu } from './measure/jvm-cpu.ts';
import { measureLouvainAlone } from './measure/louvain-alone.ts';
import { loadCity, measureConcurrent, openLoadedCity, post, type LoadedCity } from './measure/read-workload.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    city: { type: 'string' },
    // bulk: the scenario to load (the bench preset's 7.5 M records only when asked), and whether
    // to leave out the ingest side (at 7.5 M records it takes longer than the bulk load by far).
    'bulk-preset': { type: 'string' },
    people: { type: 'string' },
    'bulk-only': { type: 'boolean', default: false },
    'bolt-port': { type: 'string', default: '0' },
  },
});
const quick = values.quick;
const wanted = (name: string) => !values.only || values.only.split(',').includes(name);
const log = (line: string) => process.stderr.write(`${line}\n`);

const rows: [string, string][] = [];
const emit = (bench: string, figures: Record<string, unknown>) => {
  process.stdout.write(`${JSON.stringify({ bench, quick, ...figures })}\n`);
};
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB, node ${process.version}`,
);

if (wanted('ingest')) {
  const scenario = quick
    ? { preset: 'test' as const, seed: 1 }
    : { preset: 'test' as const, seed: 1, people: 100_000, rings: 300 };
  log(`ingest: ${JSON.stringify(scenario)}, batches of 5,000 records, GraphQL then plain UNWIND...`);
  const r = await measureIngestThroughput(scenario);
  emit('ingest', { ...r });
  rows.push(
    ['ingest: records', fmt(r.records)],
    ['ingest: GraphQL over HTTP (records/s)', fmt(r.graphqlRecordsPerSecond)],
    ["ingest: the service's ingest in its own process (records/s)", fmt(r.inProcessRecordsPerSecond)],
    ['ingest: validation alone, no database (records/s)', fmt(r.validationRecordsPerSecond)],
    ['ingest: plain statements, same data model (records/s)', fmt(r.directRecordsPerSecond)],
    ['ingest: GraphQL / plain statements', fmt(r.ratio, 2)],
  );
  // The steady-state check: the JIT's share of Neo4j's CPU while each side was timed.
  const cpu = (side: JvmCpu | undefined) => (side ? `${fmt(side.total, 1)} / ${fmt(side.jitCompiler, 1)}` : 'n/a');
  rows.push([
    'ingest: Neo4j CPU s while timed / of it JIT compiling (GraphQL; in process; direct)',
    `${cpu(r.neo4jCpu.graphql)}; ${cpu(r.neo4jCpu.inProcess)}; ${cpu(r.neo4jCpu.direct)}`,
  ]);
}

if (values.only?.split(',').includes('bulk')) {
  const preset = values['bulk-preset'] === 'bench' ? ('bench' as const) : ('test' as const);
  const people = values.people ? Number(values.people) : quick || preset === 'bench' ? undefined : 100_000;
  const scenario = { preset, seed: 1, ...(people ? { people } : {}) };
  log(`bulk: ${JSON.stringify(scenario)}, one batch file, ingest then bulk load, each into a fresh store...`);
  const r = await measureBulkVersusIngest(scenario, { skipIngest: values['bulk-only'], log });
  emit('bulk', { scenario, ...r });
  rows.push(
    ['bulk: records', fmt(r.records)],
    ["bulk: the service's ingest in its own process (records/s)", fmt(r.ingestRecordsPerSecond)],
    ['bulk: bulk load end to end (records/s)', fmt(r.bulkRecordsPerSecond)],
    [
      'bulk: files / import / constraints and indexes (s)',
      `${fmt(r.bulkStages.files, 1)} / ${fmt(r.bulkStages.import, 1)} / ${fmt(r.bulkStages.schema, 1)}`,
    ],
    ['bulk: bulk load / ingest', fmt(r.ratio, 1)],
    ['bulk: peak RSS of the loading process (MiB)', fmt(r.peakRssMiB)],
  );
}

// Not in the default run: a comparison of statement shapes for decision 0022, not a figure of the service.
if (values.only?.split(',').includes('ingest-statements')) {
  log('ingest-statements: the near-copy ingest statements beside one statement with a dynamic label or type...');
  const server = process.env['NEO4J_URI']
    ? { uri: process.env['NEO4J_URI'], password: process.env['NEO4J_PASSWORD'] ?? '' }
    : undefined;
  for (const figures of await measureIngestStatements({
    boltPort: Number(values['bolt-port']),
    ...(server ? { server } : {}),
  })) {
    emit('ingest-statements', { ...figures });
    rows.push([
      `ingest statement: ${figures.statement} (${fmt(figures.rows)} rows: db hits; ms)`,
      figures.error ? `refused: ${figures.error}` : `${fmt(figures.dbHits)}; ${fmt(figures.milliseconds, 1)}`,
    ]);
  }
}

if (wanted('louvain')) {
  log('louvain: graphology Louvain alone on 50k nodes / 994k edges...');
  const r = measureLouvainAlone();
  emit('louvain', { ...r, publishedEdgesPerSecond: 1_060_000 });
  rows.push(
    ['louvain alone: edges/s (50k nodes, 994k edges)', fmt(r.edgesPerSecond)],
    ['louvain alone: / graphology README 1.06 M edges/s', fmt(r.edgesPerSecond / 1_060_000, 2)],
  );
}

if (wanted('detection') || wanted('linkchart') || wanted('search')) {
  const scenario = quick ? { preset: 'test' as const, seed: 1 } : { preset: 'bench' as const, seed: 1 };
  let city: LoadedCity;
  if (values.city) {
    log(`city: the ${scenario.preset} preset loaded under ${values.city}...`);
    city = await openLoadedCity(values.city, scenario);
  } else {
    log(`city: loading ${JSON.stringify(scenario)} through the service's ingest...`);
    city = await loadCity(scenario, log);
    emit('city', { scenario, records: city.records, loadSeconds: city.loadSeconds });
    rows.push([
      `city load: ${scenario.preset} preset (records in s)`,
      `${fmt(city.records)} in ${fmt(city.loadSeconds, 1)}`,
    ]);
  }
  try {
    if (wanted('detection')) {
      log('detection: one run while /health is polled...');
      const r = await measureDetection(city);
      emit('detection', { ...r });
      rows.push(
        ['detection: end to end (s)', fmt(r.totalMs / 1000, 1)],
        ...Object.entries(r.stagesMs)
          .filter(([stage]) => stage !== 'total')
          .map(([stage, ms]): [string, string] => [`detection: ${stage} (s)`, fmt(ms / 1000, 2)]),
        ['detection: end to end / Louvain stage', fmt(r.endToEndOverLouvain, 1)],
        ['detection: nodes Louvain ran on / projection nodes', `${fmt(r.graphNodes)} / ${fmt(r.projectionNodes)}`],
        ['detection: weighted edges Louvain ran on', fmt(r.graphEdges)],
        ['detection: Louvain edges/s in the pipeline', fmt(r.louvainEdgesPerSecond)],
        ['detection: peak RSS of the service process (MiB)', fmt(r.peakRssMiB)],
        ['detection: /health p99 / max during it (ms)', `${fmt(r.healthP99Ms, 1)} / ${fmt(r.healthMaxMs, 1)}`],
      );
    }
    const [{ ids }] = (await city.service.services.db.runText<{ ids: string[] }>(
      'MATCH (p:Person) WITH p LIMIT 200000 RETURN collect(p.id) AS ids',
    )) as [{ ids: string[] }];
    const random = createSeededRandom(99);
    const pick = () => ids[Math.floor(random() * ids.length)]!;
    if (wanted('linkchart')) {
      const total = quick ? 600 : 3_000;
      log(`linkchart: ${total} depth-2 charts, maxNodes 300, 32 concurrent clients...`);
      const query = 'query($s: [ID!]!) { linkChart(seeds: $s, depth: 2, maxNodes: 300) { nodes { id } truncated } }';
      // Untimed first: the JVM compiles the chart queries' plans and code paths on their first runs.
      await measureConcurrent(32, quick ? 200 : 1_000, () => post(city, query, { s: [pick()] }));
      const r = await measureConcurrent(32, total, () => post(city, query, { s: [pick()] }));
      emit('linkchart', { ...r });
      // The same clients, token and HTTP path with a query that reads nothing: what the service
      // itself costs a request on this machine, beside which the chart's figures can be judged.
      const floor = await measureConcurrent(32, total, () => post(city, '{ __typename }'));
      emit('linkchart-floor', { ...floor });
      rows.push(
        ['link chart depth 2: p50 / p95 / p99 (ms)', `${fmt(r.p50, 1)} / ${fmt(r.p95, 1)} / ${fmt(r.p99, 1)}`],
        ['link chart depth 2: requests/s, errors', `${fmt(r.requestsPerSecond)}, ${r.errors}`],
        [
          'no-database request { __typename }: p50 / p95 / p99 (ms)',
          `${fmt(floor.p50, 1)} / ${fmt(floor.p95, 1)} / ${fmt(floor.p99, 1)}`,
        ],
        ['no-database request { __typename }: requests/s', fmt(floor.requestsPerSecond)],
      );
    }
    if (wanted('search')) {
      const names = (
        await city.service.services.db.runText<{ name: string }>(
          'MATCH (p:Person) WHERE p.id IN $ids RETURN p.foldedName AS name',
          { ids: Array.from({ length: 200 }, pick) },
        )
      ).map((row) => row.name);
      log(`search: ${names.length * 2} searches by name, 8 concurrent clients...`);
      const query = 'query($t: String!) { search(text: $t, first: 10) { score } }';
      await measureConcurrent(8, 100, (i) => post(city, query, { t: `${names[i % names.length]!.split(' ')[0]} x` }));
      const r = await measureConcurrent(8, names.length * 2, (i) => post(city, query, { t: names[i % names.length] }));
      emit('search', { ...r });
      rows.push(['search by name: p50 / p95 / p99 (ms)', `${fmt(r.p50, 1)} / ${fmt(r.p95, 1)} / ${fmt(r.p99, 1)}`]);
    }
  } finally {
    await city.close();
  }
}

const width = Math.max(...rows.map(([name]) => name.length));
process.stdout.write(`\n${rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')}\n`);
