// npm run seed:generate -- --preset demo --seed 42 --out <dir> [--people N] [--rings N] [--licensed-agencies N]
//   [--tour-groups N] [--ordinary-cases N] [--batch-size N] [--reference-date YYYY-MM-DD]
// Writes <dir>/batches.ndjson (one IngestBatchInput per line) and <dir>/truth.ndjson (the ground truth).

import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { estimateRecordCount } from '../generate/estimate-record-count.ts';
import { generateScenario } from '../generate/generate-scenario.ts';
import { countBatchRecords } from '../ingest-types.ts';
import type { ScenarioOptionsInput } from '../options.ts';
import type { ScenarioCounts } from '../truth-types.ts';
import { PeakMemory } from './peak-memory.ts';
import { ProgressReporter } from './progress-reporter.ts';
import { readScenarioArgs, scenarioUsage } from './scenario-args.ts';
import { closeStream, writeWithBackpressure } from './write-lines.ts';

const usage = `usage: npm run seed:generate -- --out <dir> ${scenarioUsage}`;

function readOptions(): { out: string; options: ScenarioOptionsInput } {
  const { options, flags, help } = readScenarioArgs(['out']);
  if (help || !flags.out) {
    process.stderr.write(`${usage}\n`);
    process.exit(help ? 0 : 2);
  }
  return { out: flags.out, options };
}

function report(counts: ScenarioCounts, records: number, seconds: number, peakBytes: number, out: string): void {
  const rows: [string, number][] = [
    ['people', counts.people],
    ['phones', counts.phones],
    ['brokers', counts.brokers],
    ['crossings', counts.crossings],
    ['cases', counts.cases],
    ['links', counts.links],
    ['records', records],
    ['batches', counts.batches],
  ];
  const lines = rows.map(([name, value]) => `  ${name.padEnd(10)} ${value.toLocaleString('en-US').padStart(12)}`);
  lines.push(`  ${'time'.padEnd(10)} ${`${seconds.toFixed(1)} s`.padStart(12)}`);
  lines.push(`  ${'peak RSS'.padEnd(10)} ${`${(peakBytes / 1024 / 1024).toFixed(0)} MiB`.padStart(12)}`);
  process.stdout.write(`scenario written to ${out}\n${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const { out, options } = readOptions();
  mkdirSync(out, { recursive: true });
  const batchesFile = createWriteStream(join(out, 'batches.ndjson'));
  const truthFile = createWriteStream(join(out, 'truth.ndjson'));
  const memory = new PeakMemory();
  const progress = new ProgressReporter(estimateRecordCount(options));
  const startedAt = performance.now();
  const truthLines: string[] = [];
  let counts: ScenarioCounts | undefined;
  let records = 0;

  const scenario = generateScenario(options, {
    onTruth: (record) => {
      truthLines.push(`${JSON.stringify(record)}\n`);
      if (record.type === 'summary') counts = record.counts;
    },
  });
  for (const batch of scenario) {
    records += countBatchRecords(batch);
    await writeWithBackpressure(batchesFile, `${JSON.stringify(batch)}\n`);
    if (truthLines.length > 0) await writeWithBackpressure(truthFile, truthLines.splice(0).join(''));
    memory.sample();
    progress.update(records);
  }
  if (truthLines.length > 0) await writeWithBackpressure(truthFile, truthLines.splice(0).join(''));
  await Promise.all([closeStream(batchesFile), closeStream(truthFile)]);
  progress.finish(records);
  if (!counts) throw new Error('the generator ended without its summary');
  report(counts, records, (performance.now() - startedAt) / 1000, memory.stop(), out);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
