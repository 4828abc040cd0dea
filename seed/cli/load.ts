// npm run seed:load -- [--preset demo|test|bench] [--seed N] [--truth <file>] [size knobs as seed:generate]
// Generates a scenario and writes it through the service's own ingest, batch by batch, into NEO4J_URI or the
// embedded Neo4j under DATA_DIR (stop the service first); reports time, throughput and this process's peak memory.

import { createWriteStream } from 'node:fs';
import { openDatabase } from '../../src/app/open-database.ts';
import { createServices } from '../../src/app/services.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { IngestBatchInput } from '../../src/ingest/batch-types.ts';
import { estimateRecordCount } from '../generate/estimate-record-count.ts';
import { loadScenario } from '../load/load-scenario.ts';
import { PeakMemory } from './peak-memory.ts';
import { ProgressReporter } from './progress-reporter.ts';
import { readScenarioArgs, scenarioUsage } from './scenario-args.ts';
import { closeStream } from './write-lines.ts';

const usage = `usage: npm run seed:load -- [--truth <file>] ${scenarioUsage}`;

async function main(): Promise<number> {
  const { options, flags, help } = readScenarioArgs(['truth']);
  if (help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const config = loadConfig();
  const memory = new PeakMemory();
  const opened = await openDatabase(config, (line) => process.stderr.write(`${line}\n`));
  const truthFile = flags.truth ? createWriteStream(flags.truth) : undefined;
  try {
    const services = createServices(opened.db);
    const progress = new ProgressReporter(estimateRecordCount(options));
    const summary = await loadScenario(options, (batch) => services.ingest.ingest(batch as IngestBatchInput), {
      // Written as they come (the ingest calls between batches let the stream drain), so memory stays bounded.
      sinks: { onTruth: (record) => truthFile?.write(`${JSON.stringify(record)}\n`) },
      onProgress: ({ records }) => {
        progress.update(records);
        memory.sample();
      },
    });
    progress.finish(summary.records);
    if (truthFile) await closeStream(truthFile);
    const rows: [string, string][] = [
      ['batches', summary.batches.toLocaleString('en-US')],
      ['records', summary.records.toLocaleString('en-US')],
      ['accepted', summary.accepted.toLocaleString('en-US')],
      ['rejected', summary.rejected.toLocaleString('en-US')],
      ['time', `${summary.seconds.toFixed(1)} s`],
      ['records/s', Math.round(summary.records / summary.seconds).toLocaleString('en-US')],
      ['peak RSS', `${(memory.stop() / 2 ** 20).toFixed(0)} MiB (this process: generator and ingest)`],
    ];
    process.stdout.write(`${rows.map(([name, value]) => `  ${name.padEnd(10)} ${value}`).join('\n')}\n`);
    for (const error of summary.firstErrors) process.stderr.write(`rejected: ${error}\n`);
    return summary.rejected === 0 ? 0 : 1;
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
