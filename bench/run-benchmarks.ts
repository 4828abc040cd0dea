// npm run bench [-- --quick] [-- --only ingest]
// Measures side by side in one run and prints one table plus one JSON line per figure
// (lines starting with {"bench":...}), so the figures in BENCHMARKS.md can be reproduced.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { measureIngestThroughput } from './measure/ingest-throughput.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const quick = values.quick;
const wanted = (name: string) => !values.only || values.only.split(',').includes(name);

const rows: [string, string][] = [];
const emit = (bench: string, figures: Record<string, unknown>) => {
  process.stdout.write(`${JSON.stringify({ bench, quick, ...figures })}\n`);
};
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

process.stderr.write(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB, node ${process.version}\n`,
);

if (wanted('ingest')) {
  const scenario = quick
    ? { preset: 'test' as const, seed: 1 }
    : { preset: 'test' as const, seed: 1, people: 100_000, rings: 300 };
  process.stderr.write(`ingest: ${JSON.stringify(scenario)}, batches of 5,000 records...\n`);
  const r = await measureIngestThroughput(scenario);
  emit('ingest', { ...r });
  rows.push(
    ['ingest records', fmt(r.records)],
    ['ingest via GraphQL (records/s)', fmt(r.graphqlRecordsPerSecond)],
    ['ingest via plain UNWIND (records/s)', fmt(r.directRecordsPerSecond)],
    ['GraphQL / direct', fmt(r.ratio, 2)],
  );
}

const width = Math.max(...rows.map(([name]) => name.length));
process.stdout.write(`\n${rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')}\n`);
