/**
 * Scenario generator: a city of ordinary life with planted trafficking rings, streamed as the ingest batches of
 * the public contract (`IngestBatchInput`), with the ground truth beside it.
 *
 *   for (const batch of generateScenario({ preset: 'demo', seed: 42 })) await ingest(batch);
 *
 * - `generateScenario(options?, sinks?)`: a generator of `IngestBatchInput` plain objects. The same options give
 *   the same batches, byte for byte. `sinks.onTruth` receives the ground truth records (see truth-types.ts).
 * - `scenarioPresets`: the sizes of `demo` (~2,000 people), `test` (~10,000) and `bench` (~1,000,000).
 * - `resolveScenarioOptions(options)`: a preset merged with overrides and validated.
 * - `estimateRecordCount(options)`: roughly how many records the scenario will hold, for progress displays.
 * - `evaluateRings(planted, candidates)`: recall and precision at k of ring candidates against the truth.
 *
 * See seed/README.md for the scenario's shapes and the file formats of the command-line tools.
 */
export { generateScenario, type ScenarioSinks } from './generate/generate-scenario.ts';
export { estimateRecordCount } from './generate/estimate-record-count.ts';
export {
  defaultScenarioOptions,
  resolveScenarioOptions,
  scenarioPresets,
  type ScenarioOptions,
  type ScenarioOptionsInput,
  type ScenarioPresetName,
  type ScenarioSize,
} from './options.ts';
export type * from './ingest-types.ts';
export type * from './truth-types.ts';
export { evaluateRings, type RingEvaluation } from './evaluate/evaluate-rings.ts';
