// npm run seed:evaluate -- --truth <dir>/truth.ndjson --candidates <file.json> [--threshold 0.5] [--details] [--json]
// Compares ring candidates with the planted rings: recall and precision at k (k = number of planted rings).

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluateRings } from '../evaluate/evaluate-rings.ts';
import { formatEvaluation } from '../evaluate/format-evaluation.ts';
import { parseCandidates } from '../evaluate/parse-candidates.ts';
import { readPlantedRings } from '../evaluate/read-truth.ts';

const usage =
  'usage: npm run seed:evaluate -- --truth <truth.ndjson> --candidates <candidates.json> [--threshold 0.5] [--details] [--json]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      truth: { type: 'string' },
      candidates: { type: 'string' },
      threshold: { type: 'string' },
      details: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.truth || !values.candidates) {
    process.stderr.write(`${usage}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const threshold = values.threshold === undefined ? 0.5 : Number(values.threshold);
  if (!(threshold > 0 && threshold <= 1)) throw new Error('--threshold must be in (0, 1]');
  const [truth, candidatesText] = await Promise.all([
    readPlantedRings(values.truth),
    readFile(values.candidates, 'utf8'),
  ]);
  const evaluation = evaluateRings(truth.rings, parseCandidates(JSON.parse(candidatesText)), { threshold });
  process.stdout.write(
    values.json ? `${JSON.stringify(evaluation, null, 2)}\n` : formatEvaluation(evaluation, values.details === true),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
