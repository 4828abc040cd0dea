// npm run detect-rings -- [--resolution 1] [--seed 42] [--min-size 3] [--reference-date YYYY-MM-DD]
// Runs ring detection on the configured database (NEO4J_URI, or the embedded one under
// DATA_DIR while the service is stopped), with progress on stderr and a summary at the end.
import { parseArgs } from 'node:util';
import { openDatabase } from '../../app/open-database.ts';
import { loadConfig } from '../../config/load-config.ts';
import { RingDetectionService } from '../../rings/ring-detection-service.ts';

const { values } = parseArgs({
  options: {
    resolution: { type: 'string' },
    seed: { type: 'string' },
    'min-size': { type: 'string' },
    'reference-date': { type: 'string' },
  },
});
const number = (value: string | undefined) => (value === undefined ? null : Number(value));

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const { db, close } = await openDatabase(loadConfig(), (line) => process.stderr.write(`${line}\n`));
try {
  const rings = new RingDetectionService(db);
  const run = await rings.detect(
    {
      resolution: number(values.resolution),
      seed: number(values.seed),
      minSize: number(values['min-size']),
      referenceDate: values['reference-date'] ?? null,
    },
    ({ stage, detail }) => process.stderr.write(`[${elapsed()}] ${stage}${detail ? `: ${detail}` : ''}\n`),
  );
  await rings.close();
  const timings = JSON.parse(run.timings ?? '{}') as Record<string, number>;
  process.stdout.write(
    [
      `detection run ${run.id}: ${run.ringCount} ring candidates from ${run.communityCount} communities`,
      `modularity ${run.modularity?.toFixed(3)}`,
      `stages (ms): ${Object.entries(timings)
        .map(([stage, ms]) => `${stage} ${Math.round(ms)}`)
        .join(', ')}`,
    ].join('\n') + '\n',
  );
} finally {
  await close();
}
