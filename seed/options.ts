import { z } from 'zod';

/** Size knobs of a scenario; a preset fills them, explicit values override it. */
export interface ScenarioSize {
  /** Real people to create (each appears in the police registry, many also in other sources). */
  people: number;
  /** Trafficking rings to plant, spread evenly through the stream. */
  rings: number;
  /** Licensed labour-export agencies that recruit legitimately (hubs the detector must not flag). */
  licensedAgencies: number;
  /** Tour groups (families with children) that cross the border together and come back. */
  tourGroups: number;
  /** Police cases unrelated to trafficking (theft, fraud). */
  ordinaryCases: number;
  /**
   * Rings that recruit youths online for scam compounds: shared burners call many young people, who leave
   * alone or in twos for Cambodia or Laos with no escort and do not come back. No recruitment link.
   */
  onlineRecruitmentRings: number;
  /** Family-run child trafficking: an aunt or uncle takes two to four children under 16 to China, back alone. */
  familyRings: number;
  /**
   * Groups that look like rings and are not, rotating over contract workers of a licensed agency, a family
   * shop's phone, a call centre's rota, a school trip and day traders (see seed/README.md).
   */
  decoyGroups: number;
  /**
   * Records written the way the agencies' data really arrives: the border guard in ASCII upper case with
   * the passport, the labour department given name first, telecom subscribers with few birth dates or
   * documents, and burner SIMs registered to straw names.
   */
  fieldNoise: boolean;
}

export interface ScenarioOptions extends ScenarioSize {
  preset: ScenarioPresetName;
  seed: number;
  /** Most records per batch, all sections together. */
  batchSize: number;
  /** The "today" of the scenario (YYYY-MM-DD): ages, "under 16" and event dates are relative to it. */
  referenceDate: string;
}

export type ScenarioPresetName = 'demo' | 'test' | 'bench' | 'field';

/** What the presets without the field shapes leave out; their output is the same as before those shapes. */
const withoutFieldShapes = { onlineRecruitmentRings: 0, familyRings: 0, decoyGroups: 0, fieldNoise: false } as const;

export const scenarioPresets: Readonly<Record<ScenarioPresetName, Readonly<ScenarioSize>>> = {
  demo: { people: 2_000, rings: 8, licensedAgencies: 2, tourGroups: 4, ordinaryCases: 12, ...withoutFieldShapes },
  test: { people: 10_000, rings: 30, licensedAgencies: 5, tourGroups: 20, ordinaryCases: 60, ...withoutFieldShapes },
  bench: {
    people: 1_000_000,
    rings: 2_000,
    licensedAgencies: 40,
    tourGroups: 2_000,
    ordinaryCases: 6_000,
    ...withoutFieldShapes,
  },
  // The test city's size with every kind of ring, the decoys and the agencies' own records.
  field: {
    people: 10_000,
    rings: 12,
    licensedAgencies: 5,
    tourGroups: 20,
    ordinaryCases: 60,
    onlineRecruitmentRings: 9,
    familyRings: 9,
    decoyGroups: 20,
    fieldNoise: true,
  },
};

export const defaultScenarioOptions = {
  preset: 'demo',
  seed: 1,
  batchSize: 5_000,
  referenceDate: '2026-06-30',
} as const satisfies Partial<ScenarioOptions>;

export type ScenarioOptionsInput = Partial<ScenarioOptions>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a calendar date');

const optionsSchema = z
  .object({
    preset: z.enum(['demo', 'test', 'bench', 'field']),
    seed: z.number().int().min(0).max(0xffffffff),
    batchSize: z.number().int().min(20),
    referenceDate: isoDate,
    people: z.number().int().min(100),
    rings: z.number().int().min(0),
    licensedAgencies: z.number().int().min(1),
    tourGroups: z.number().int().min(0),
    ordinaryCases: z.number().int().min(0),
    onlineRecruitmentRings: z.number().int().min(0),
    familyRings: z.number().int().min(0),
    decoyGroups: z.number().int().min(0),
    fieldNoise: z.boolean(),
  })
  .refine(
    (options) => (options.rings + options.onlineRecruitmentRings) * 40 + options.familyRings * 12 <= options.people,
    {
      message: 'too many rings for the number of people (a ring with its households needs about 40 people)',
      path: ['rings'],
    },
  );

/** Fills the preset's sizes and the defaults, then validates; throws a ZodError on bad input. */
export function resolveScenarioOptions(input: ScenarioOptionsInput = {}): ScenarioOptions {
  const preset = input.preset ?? defaultScenarioOptions.preset;
  const sizes = scenarioPresets[preset];
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return optionsSchema.parse({ ...defaultScenarioOptions, ...sizes, ...defined, preset });
}
