import { parseArgs } from 'node:util';
import { resolveScenarioOptions, type ScenarioOptionsInput, type ScenarioPresetName } from '../options.ts';

export const scenarioUsage =
  '[--preset demo|test|bench|field] [--seed N] [--people N] [--rings N]\n' +
  '  [--licensed-agencies N] [--tour-groups N] [--ordinary-cases N] [--batch-size N] [--reference-date YYYY-MM-DD]\n' +
  '  [--online-recruitment-rings N] [--family-rings N] [--decoy-groups N] [--field-noise]';

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed)) throw new Error(`--${name} must be an integer, got "${value}"`);
  return parsed;
}

/** The scenario options of the seed commands, plus the command's own string flags (`extra`). */
export function readScenarioArgs<K extends string>(
  extra: readonly K[],
): { options: ScenarioOptionsInput; flags: Partial<Record<K, string>>; help: boolean } {
  const own = Object.fromEntries(extra.map((name) => [name, { type: 'string' as const }]));
  const { values } = parseArgs({
    options: {
      ...own,
      preset: { type: 'string' },
      seed: { type: 'string' },
      people: { type: 'string' },
      rings: { type: 'string' },
      'licensed-agencies': { type: 'string' },
      'tour-groups': { type: 'string' },
      'ordinary-cases': { type: 'string' },
      'batch-size': { type: 'string' },
      'reference-date': { type: 'string' },
      'online-recruitment-rings': { type: 'string' },
      'family-rings': { type: 'string' },
      'decoy-groups': { type: 'string' },
      'field-noise': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const text = values as Record<string, string | undefined>;
  const input: Record<string, string | number | boolean | undefined> = {
    preset: text['preset'] as ScenarioPresetName | undefined,
    seed: integer('seed', text['seed']),
    people: integer('people', text['people']),
    rings: integer('rings', text['rings']),
    licensedAgencies: integer('licensed-agencies', text['licensed-agencies']),
    tourGroups: integer('tour-groups', text['tour-groups']),
    ordinaryCases: integer('ordinary-cases', text['ordinary-cases']),
    batchSize: integer('batch-size', text['batch-size']),
    referenceDate: text['reference-date'],
    onlineRecruitmentRings: integer('online-recruitment-rings', text['online-recruitment-rings']),
    familyRings: integer('family-rings', text['family-rings']),
    decoyGroups: integer('decoy-groups', text['decoy-groups']),
    fieldNoise: values['field-noise'] === true ? true : undefined,
  };
  const flags = Object.fromEntries(extra.map((name) => [name, text[name]])) as Partial<Record<K, string>>;
  return {
    options: resolveScenarioOptions(input as ScenarioOptionsInput),
    flags,
    help: values.help === true,
  };
}
