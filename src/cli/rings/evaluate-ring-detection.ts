// npm run rings:evaluate -- [--preset test|field] [--seeds 1,2,3] [--people N] [--resolution 1] [--evidence-reach 1]
//   [--detection-seed 42] [--no-merge] [--json]
// For each scenario seed: a fresh local Neo4j on a temporary store, the scenario loaded
// through ingest, ring detection run, and its candidates compared with the
// scenario's planted rings: recall (Jaccard >= 0.5) and precision at k (k = planted rings),
// overall and per ring kind, and the decoy groups (the field preset's) among the top k.
// Before detecting, records with equal documents are merged (entity resolution's automatic
// merges), as an operator would run `npm run resolve -- --auto-merge`; --no-merge skips it.
import { parseArgs } from 'node:util';
import { evaluateRings, type RingEvaluation } from '../../../seed/index.ts';
import type { PlantedDecoy, PlantedRing } from '../../../seed/evaluate/evaluate-rings.ts';
import type { ScenarioPresetName, SourceRef, TruthRecord } from '../../../seed/index.ts';
import { withScenarioDatabase } from '../../app/with-scenario-database.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'test' },
    seeds: { type: 'string', default: '1,2,3' },
    // A larger city of the preset's kind (its rings and the rest as the preset has them), to time detection.
    people: { type: 'string' },
    resolution: { type: 'string' },
    'evidence-reach': { type: 'string' },
    'detection-seed': { type: 'string', default: '42' },
    json: { type: 'boolean', default: false },
    'no-merge': { type: 'boolean', default: false },
  },
});

interface SeedOutcome {
  seed: number;
  evaluation: RingEvaluation;
  loadSeconds: number;
  detectSeconds: number;
  rings: number;
  decoys: number;
}

async function evaluateSeed(scenarioSeed: number): Promise<SeedOutcome> {
  const planted: PlantedRing[] = [];
  const decoys: PlantedDecoy[] = [];
  let referenceDate = '';
  const onTruth = (record: TruthRecord) => {
    if (record.type === 'ring') planted.push(record);
    if (record.type === 'decoy') decoys.push(record);
    if (record.type === 'scenario') referenceDate = record.referenceDate;
  };
  const scenario = {
    preset: values.preset as ScenarioPresetName,
    seed: scenarioSeed,
    ...(values.people ? { people: Number(values.people) } : {}),
  };
  return withScenarioDatabase(scenario, onTruth, async ({ services, load }) => {
    if (!values['no-merge']) await services.resolution.resolveDuplicates({ autoMerge: true, by: 'rings:evaluate' });
    const started = performance.now();
    const run = await services.rings.detect({
      referenceDate,
      seed: Number(values['detection-seed']),
      ...(values.resolution ? { resolution: Number(values.resolution) } : {}),
      ...(values['evidence-reach'] ? { evidenceReach: Number(values['evidence-reach']) } : {}),
    });
    const detectSeconds = (performance.now() - started) / 1000;
    const rows = await services.db.read<{ ringId: string; score: number; members: SourceRef[][] }>(
      'rings/current-ring-people',
    );
    const candidates = rows.map((row) => ({
      id: row.ringId,
      score: row.score,
      members: row.members.map((refs) => ({ refs })),
    }));
    return {
      seed: scenarioSeed,
      evaluation: evaluateRings(planted, candidates, { decoys }),
      decoys: decoys.length,
      loadSeconds: load.seconds,
      detectSeconds,
      rings: run.ringCount,
    };
  });
}

const outcomes: SeedOutcome[] = [];
for (const seed of values.seeds.split(',').map(Number)) {
  process.stderr.write(`scenario ${values.preset} seed ${seed}: loading, detecting, evaluating...\n`);
  outcomes.push(await evaluateSeed(seed));
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const lines = [
  `preset ${values.preset}${values.people ? ` (${values.people} people)` : ''}, detection seed ${values['detection-seed']}, resolution ${values.resolution ?? 'default'}, ` +
    `evidence reach ${values['evidence-reach'] ?? 'default'}, ` +
    `${values['no-merge'] ? 'no merges' : 'automatic merges first'}`,
  '| scenario seed | planted rings | found | recall | precision at k | decoy groups in top k | candidates | load s | detect s |',
  '|---|---|---|---|---|---|---|---|---|',
  ...outcomes.map(
    (o) =>
      `| ${o.seed} | ${o.evaluation.plantedCount} | ${o.evaluation.found} | ${pct(o.evaluation.recall)} | ` +
      `${pct(o.evaluation.precisionAtK)} | ${o.evaluation.decoysInTopK.length} of ${o.decoys} | ${o.rings} | ` +
      `${o.loadSeconds.toFixed(1)} | ${o.detectSeconds.toFixed(1)} |`,
  ),
  '',
  "Per ring kind (precision at k over the kind's candidates and those of no ring, k = planted rings of the kind):",
  '',
  '| ring kind | scenario seed | planted | found | recall | precision at k | lowest score of a ring found |',
  '|---|---|---|---|---|---|---|',
  ...shapeRows(outcomes),
  '',
  "Highest score of a candidate that holds no planted ring's person (an ordinary community or a decoy):",
  '',
  ...outcomes.map((o) => `- seed ${o.seed}: ${o.evaluation.highestUnmatchedScore ?? 'none'}`),
];
const decoyLines = outcomes.flatMap((o) =>
  o.evaluation.decoysInTopK.map(
    (hit) => `seed ${o.seed}: decoy ${hit.decoy} (${hit.kind}) is candidate ${hit.candidate}`,
  ),
);
process.stdout.write(`${[...lines, ...(decoyLines.length > 0 ? ['', ...decoyLines] : [])].join('\n')}\n`);
if (values.json) {
  for (const o of outcomes) {
    const { recall, precisionAtK, byShape, decoysInTopK } = o.evaluation;
    process.stdout.write(
      `${JSON.stringify({ bench: 'ring-evaluation', seed: o.seed, recall, precisionAtK, decoysInTopK: decoysInTopK.length, highestUnmatchedScore: o.evaluation.highestUnmatchedScore, byShape })}\n`,
    );
  }
}

function lowest(rows: readonly { lowestFoundScore: number | null }[]): string {
  const scores = rows.flatMap((row) => (row.lowestFoundScore === null ? [] : [row.lowestFoundScore]));
  return scores.length > 0 ? String(Math.min(...scores)) : '-';
}

/** One row per kind and seed, the kinds in the order they were planted, then each kind over all seeds. */
function shapeRows(all: readonly SeedOutcome[]): string[] {
  const shapes = [...new Set(all.flatMap((o) => o.evaluation.byShape.map((s) => s.shape)))];
  return shapes.flatMap((shape) => {
    const rows = all.flatMap((o) =>
      o.evaluation.byShape.filter((s) => s.shape === shape).map((s) => ({ seed: String(o.seed), ...s })),
    );
    const total = rows.reduce(
      (sum, s) => ({
        planted: sum.planted + s.planted,
        found: sum.found + s.found,
        correct: sum.correct + s.correctAtK,
      }),
      { planted: 0, found: 0, correct: 0 },
    );
    const lines = rows.map(
      (s) =>
        `| ${shape} | ${s.seed} | ${s.planted} | ${s.found} | ${pct(s.recall)} | ${pct(s.precisionAtK)} | ${s.lowestFoundScore ?? '-'} |`,
    );
    if (rows.length > 1) {
      lines.push(
        `| ${shape} | all | ${total.planted} | ${total.found} | ${pct(total.found / total.planted)} | ${pct(total.correct / total.planted)} | ${lowest(rows)} |`,
      );
    }
    return lines;
  });
}
