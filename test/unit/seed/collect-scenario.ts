import { generateScenario } from '../../../seed/generate/generate-scenario.ts';
import type { IngestBatchInput } from '../../../seed/ingest-types.ts';
import type { ScenarioOptionsInput } from '../../../seed/options.ts';
import type { TruthRecord } from '../../../seed/truth-types.ts';

export interface CollectedScenario {
  batches: IngestBatchInput[];
  truth: TruthRecord[];
}

/** Runs a (small) scenario to completion and keeps everything in memory, for assertions. */
export function collectScenario(options: ScenarioOptionsInput): CollectedScenario {
  const truth: TruthRecord[] = [];
  const batches = [...generateScenario(options, { onTruth: (record) => truth.push(record) })];
  return { batches, truth };
}

const cache = new Map<string, CollectedScenario>();

/** The same scenario is asserted on by several test files; generate it once per worker. */
export function cachedScenario(options: ScenarioOptionsInput): CollectedScenario {
  const key = JSON.stringify(options);
  let scenario = cache.get(key);
  if (!scenario) {
    scenario = collectScenario(options);
    cache.set(key, scenario);
  }
  return scenario;
}
