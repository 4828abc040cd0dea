import { resolveScenarioOptions, type ScenarioOptionsInput } from '../options.ts';

// Measured on generated scenarios (records of all sections per real person); only used for progress displays.
const recordsPerPerson = 7.8;

export function estimateRecordCount(input: ScenarioOptionsInput = {}): number {
  return Math.round(resolveScenarioOptions(input).people * recordsPerPerson);
}
