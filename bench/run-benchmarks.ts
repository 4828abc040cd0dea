// npm run bench [-- --quick] [-- --only ingest,bulk,ingest-statements,louvain,detection,linkchart,search,alerts] [-- --city <DATA_DIR>]
//   [-- --bulk-preset bench] [-- --people N] [-- --bulk-only]
//   [-- --bolt-port N] (ingest-statements: its own Neo4j's Bolt port, 0 a free one; with NEO4J_URI set it
//   measures on that server instead)
//   [-- --preset test --people N]  (the read workloads on a smaller city than the bench preset)
// Measures side by side in one run and prints one table plus one JSON line per figure
// (lines starting with {"bench":...}), so the figures in BENCHMARKS.md can be reproduced.
// Full mode uses the scenario generator's bench preset (1M people) for the read workloads; --city reuses
// the store a `seed:load` of that preset (seed 1) left under DATA_DIR instead of loading it again.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { createSeededRandom } from '../src/rings/core/index.ts';
import { measureAlertLatency } from './measure/alert-latency.ts';
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
    preset: { type: 'string' },
    // people: the read workloads' city size with --preset, and the bulk scenario's size.
    people: { type: 'string' },
    // bulk: the scenario to load (the bench preset's 7.5 M records only when asked), and whether
    // to leave out the ingest side (at 7.5 M records it takes longer than the bulk load by far).
    'bulk-preset': { type: 'string' },
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

if (wanted('alerts')) {
  // The test city in both modes: --quick only halves the rounds and the warm-up.
  const pairs = quick ? 1 : 2;
  const warmUpCities = quick ? 1 : 2;
  log(
    `alerts: the test city through GraphQL ingest, ${warmUpCities} warm-up cities, ${pairs * 2} rounds alternating alerts off and on, two triggering records per batch...`,
  );
  const r = await measureAlertLatency({ pairs, warmUpCities, log });
  emit('alerts', { ...r });
  rows.push(
    ['alerts: records per round / batches', `${fmt(r.records)} / ${fmt(r.batches)}`],
    ['alerts: triggering records per round / alerts arrived', `${fmt(r.planted)} / ${fmt(r.arrived, 1)}`],
    [
      'alerts: commit to SSE subscriber p50 / p95 / p99 / max (ms)',
      `${fmt(r.p50)} / ${fmt(r.p95)} / ${fmt(r.p99)} / ${fmt(r.max)}`,
    ],
    ['alerts: ingest records/s, evaluation off / on', `${fmt(r.offRecordsPerSecond)} / ${fmt(r.onRecordsPerSecond)}`],
    ['alerts: ingest on / off', fmt(r.ratio, 2)],
    [
      'alerts: per round on, alerts raised / received by the subscriber / feed records unevaluated at the last commit',
      r.onRounds
        .map((o) => `${fmt(o.alertsRaised)} / ${fmt(o.alertsReceived)} / ${fmt(o.evaluatorBehindAtEnd)}`)
        .join('; '),
    ],
    [
      'alerts: evaluator drains that raised alerts, p50 / p95 / max (ms)',
      `${fmt(r.evaluatorStepsMs.p50)} / ${fmt(r.evaluatorStepsMs.p95)} / ${fmt(r.evaluatorStepsMs.max)}`,
    ],
  );
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
  const preset = (values.preset ?? (quick ? 'test' : 'bench')) as 'test' | 'bench';
  const scenario = { preset, seed: 1, ...(values.people ? { people: Number(values.people) } : {}) };
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
      log('detection: a first run and a repeat run after a 1 % change, while /health is polled...');
      const r = await measureDetection(city, log);
      emit('detection', { ...r });
      const run = (name: string, f: typeof r.first): [string, string][] => [
        [`detection ${name}: end to end (s)`, fmt(f.totalMs / 1000, 1)],
        [
          `detection ${name}: projection read`,
          f.read.mode === 'full'
            ? `full (${f.read.reason})`
            : `incremental: ${fmt(f.read.changes)} feed records, ${fmt(f.read.touchedEntities)} entities read again`,
        ],
        ...Object.entries(f.stagesMs)
          .filter(([stage]) => stage !== 'total')
          .map(([stage, ms]): [string, string] => [`detection ${name}: ${stage} (s)`, fmt(ms / 1000, 2)]),
        [`detection ${name}: /health p99 / max during it (ms)`, `${fmt(f.healthP99Ms, 1)} / ${fmt(f.healthMaxMs, 1)}`],
        [`detection ${name}: /health failures`, fmt(f.healthFailures)],
      ];
      rows.push(
        ...run('first run', r.first),
        ['detection: records changed between the runs (1 %)', fmt(r.changedRecords)],
        ...run('repeat run', r.repeat),
        [
          'detection: nodes Louvain ran on / projection nodes',
          `${fmt(r.repeat.graphNodes)} / ${fmt(r.repeat.projectionNodes)}`,
        ],
        ['detection: weighted edges Louvain ran on', fmt(r.repeat.graphEdges)],
        ['detection: graphology Louvain alone on that graph (s)', fmt(r.graphologyAlone.durationMs / 1000, 2)],
        [`detection: igraph ${r.igraph.version} community_multilevel on it (s)`, fmt(r.igraph.durationMs / 1000, 2)],
        ['detection: first run end to end / Louvain alone', fmt(r.firstOverLouvainAlone, 1)],
        ['detection: repeat run end to end / Louvain alone', fmt(r.repeatOverLouvainAlone, 1)],
        ['detection: Louvain alone / igraph multilevel', fmt(r.louvainOverIgraph, 1)],
        ['detection: peak RSS of the service process (MiB)', fmt(r.peakRssMiB)],
      );
    }
    const [{ ids }] = (await city.service.services.db.runText<{ ids: string[] }>(
      'MATCH (p:Person) WITH p LIMIT 200000 RETURN collect(p.id) AS ids',
    )) as [{ ids: string[] }];
    const random = createSeededRandom(99);
    const pick = () => ids[Math.floor(random() * ids.length)]!;
    if (wanted('linkchart')) {
      const total = quick ? 600 : 3_000;
      const chart = 'query($s: [ID!]!) { linkChart(seeds: $s, depth: 2, maxNodes: 300) { nodes { id } truncated } }';
      const entity = 'query($id: ID!) { node(id: $id) { id } }';
      // 32 clients, each with a token of its own, as 32 investigators would be.
      const tokens = await Promise.all(Array.from({ length: 32 }, (_, i) => city.tokenFor(`bench-client-${i}`)));
      const asClient = (client: number) => tokens[client % tokens.length]!;
      log(`linkchart: depth 2, maxNodes 300: warm-up, then one client, then 32 clients (${total} charts each)...`);
      // Untimed first: the JVM compiles the chart queries' plans and code paths on their first runs.
      await measureConcurrent(32, quick ? 200 : 1_000, (_, c) => post(city, chart, { s: [pick()] }, asClient(c)));
      const one = await measureConcurrent(1, quick ? 200 : 1_000, () =>
        post(city, chart, { s: [pick()] }, asClient(0)),
      );
      emit('linkchart-one-client', { ...one });
      const r = await measureConcurrent(32, total, (_, c) => post(city, chart, { s: [pick()] }, asClient(c)));
      emit('linkchart', { ...r });
      // The cheapest audited read, with the same clients and tokens: what a request that reads
      // one entity costs here, beside which the chart's throughput is judged.
      await measureConcurrent(32, 200, (_, c) => post(city, entity, { id: pick() }, asClient(c)));
      const floor = await measureConcurrent(32, total, (_, c) => post(city, entity, { id: pick() }, asClient(c)));
      emit('linkchart-entity-read', { ...floor });
      rows.push(
        [
          'link chart depth 2, one client: p50 / p95 / p99 (ms)',
          `${fmt(one.p50, 1)} / ${fmt(one.p95, 1)} / ${fmt(one.p99, 1)}`,
        ],
        [
          'link chart depth 2, 32 clients: p50 / p95 / p99 (ms)',
          `${fmt(r.p50, 1)} / ${fmt(r.p95, 1)} / ${fmt(r.p99, 1)}`,
        ],
        ['link chart depth 2, 32 clients: requests/s, errors', `${fmt(r.requestsPerSecond)}, ${r.errors}`],
        [
          'one entity by id, 32 clients: p50 / p95 / p99 (ms)',
          `${fmt(floor.p50, 1)} / ${fmt(floor.p95, 1)} / ${fmt(floor.p99, 1)}`,
        ],
        ['one entity by id, 32 clients: requests/s, errors', `${fmt(floor.requestsPerSecond)}, ${floor.errors}`],
        ['link chart / one entity read throughput, 32 clients', fmt(r.requestsPerSecond / floor.requestsPerSecond, 2)],
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
