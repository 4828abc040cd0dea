// npm run resolution:evaluate -- [--preset demo|test] [--seed N | --seeds 1,2,3] [--min-score 0.7] [--json]
// For each scenario seed: a fresh local Neo4j on a temporary store, the scenario loaded through the
// service's ingest, duplicate candidates computed and compared with the scenario's planted
// duplicates (its identity truth records): pairwise precision and recall at the threshold, then the
// same after the automatic merges (people sharing a document number of the same kind).
import { parseArgs } from 'node:util';
import type { ScenarioPresetName, TruthRecord } from '../../../seed/index.ts';
import { withScenarioDatabase } from '../../app/with-scenario-database.ts';
import type { Database } from '../../db/database.ts';
import { evaluatePairs, recordKey, type PairEvaluation } from '../../resolution/evaluate/evaluate-pairs.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'demo' },
    seed: { type: 'string' },
    seeds: { type: 'string' },
    'min-score': { type: 'string', default: '0.7' },
    json: { type: 'boolean', default: false },
  },
});
const minScore = Number(values['min-score']);
const seeds = (values.seeds ?? values.seed ?? '1').split(',').map(Number);

interface SeedOutcome {
  seed: number;
  records: number;
  before: PairEvaluation;
  after: PairEvaluation;
  merges: number;
  loadSeconds: number;
  /** Reading the people from Neo4j, blocking and scoring. */
  candidateSeconds: number;
  scoredPairs: number;
}

async function entityRecords(db: Database): Promise<Map<string, string[]>> {
  const rows = await db.read<{ id: string; records: string[] }>('resolution/people-records');
  return new Map(rows.map((row) => [row.id, row.records]));
}

async function evaluateSeed(seed: number): Promise<SeedOutcome> {
  const identities: string[][] = [];
  const onTruth = (record: TruthRecord) => {
    if (record.type === 'identity') identities.push(record.refs.map((r) => recordKey(r.source, r.externalId)));
  };
  return withScenarioDatabase(
    { preset: values.preset as ScenarioPresetName, seed },
    onTruth,
    async ({ services, load }) => {
      const db = services.db;
      const started = performance.now();
      const { pairs, search } = await services.resolution.findCandidates(minScore);
      const candidateSeconds = (performance.now() - started) / 1000;
      const before = evaluatePairs(identities, await entityRecords(db), pairs);
      const report = await services.resolution.resolveDuplicates({ autoMerge: true, minScore, by: 'evaluation' });
      const after = evaluatePairs(
        identities,
        await entityRecords(db),
        (await services.resolution.findCandidates(minScore)).pairs,
      );
      return {
        seed,
        records: load.records,
        before,
        after,
        merges: report.merges.length,
        loadSeconds: load.seconds,
        candidateSeconds,
        scoredPairs: search.stats.scored,
      };
    },
  );
}

const outcomes: SeedOutcome[] = [];
for (const seed of seeds) {
  process.stderr.write(`scenario ${values.preset} seed ${seed}: loading, resolving, evaluating...\n`);
  outcomes.push(await evaluateSeed(seed));
}
const f = (x: number) => x.toFixed(3);
const lines = [
  `preset ${values.preset}, threshold ${minScore}`,
  '| seed | truth pairs | candidates | precision | recall | auto merges | merges correct | precision after | recall after | record-pair precision after | candidates s |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...outcomes.map(
    (o) =>
      `| ${o.seed} | ${o.before.truthPairs} | ${o.before.predicted} | ${f(o.before.precision)} | ${f(o.before.recall)} | ` +
      `${o.merges} | ${o.after.correctlyMerged}/${o.after.mergedEntities} entities | ${f(o.after.precision)} | ` +
      `${f(o.after.recall)} | ${f(o.after.recordPairPrecision)} | ${o.candidateSeconds.toFixed(1)} |`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
if (values.json)
  for (const o of outcomes) process.stdout.write(`${JSON.stringify({ bench: 'resolution-evaluation', ...o })}\n`);
