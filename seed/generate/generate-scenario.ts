import type { IngestBatchInput } from '../ingest-types.ts';
import { resolveScenarioOptions, type ScenarioOptionsInput } from '../options.ts';
import type { TruthRecord } from '../truth-types.ts';
import { EvenSchedule } from './even-schedule.ts';
import { createHousehold } from './households.ts';
import { createLicensedAgencies } from './licensed-agencies.ts';
import { openOrdinaryCase } from './ordinary-cases.ts';
import { plantRing } from './rings/plant-ring.ts';
import { createScenarioContext, type ScenarioContext } from './scenario-context.ts';
import { sendTourGroup } from './tour-groups.ts';

export interface ScenarioSinks {
  /** Receives the ground truth as it is produced: the scenario line, rings, identities, then the summary. */
  onTruth?: (record: TruthRecord) => void;
}

function peopleCreated(ctx: ScenarioContext): number {
  return ctx.nextPersonKey - 1;
}

/** Runs one unit of the scenario: a planted ring, a tour group, a case, or else an ordinary household. */
function step(ctx: ScenarioContext, rings: EvenSchedule, tours: EvenSchedule, cases: EvenSchedule): void {
  const progress = peopleCreated(ctx);
  if (rings.isDue(progress)) {
    plantRing(ctx);
    rings.markFired();
  } else if (tours.isDue(progress) && sendTourGroup(ctx)) {
    tours.markFired();
  } else if (cases.isDue(progress) && openOrdinaryCase(ctx)) {
    cases.markFired();
  } else {
    createHousehold(ctx);
  }
}

/**
 * Streams the scenario as ingest batches. Nothing but a neighbourhood of recent households is kept, so the bench
 * preset runs in bounded memory; consume the batches as they come.
 */
export function* generateScenario(
  input: ScenarioOptionsInput = {},
  sinks: ScenarioSinks = {},
): Generator<IngestBatchInput> {
  const options = resolveScenarioOptions(input);
  const emitTruth = sinks.onTruth ?? ((): void => {});
  const ctx = createScenarioContext(options, emitTruth);
  const { preset, seed, referenceDate, ...knobs } = options;
  emitTruth({ type: 'scenario', formatVersion: 1, preset, seed, referenceDate, options: knobs });

  createLicensedAgencies(ctx);
  yield* ctx.router.takeReady();
  const rings = new EvenSchedule(options.rings, options.people);
  const tours = new EvenSchedule(options.tourGroups, options.people);
  const cases = new EvenSchedule(options.ordinaryCases, options.people);
  while (peopleCreated(ctx) < options.people) {
    step(ctx, rings, tours, cases);
    yield* ctx.router.takeReady();
  }
  // Planting a ring creates many people at once, so the last ones may still be owed when the count is reached.
  while (rings.remaining > 0) {
    plantRing(ctx);
    rings.markFired();
    yield* ctx.router.takeReady();
  }

  ctx.router.flushAll();
  ctx.recent.evictAll();
  yield* ctx.router.takeReady();
  emitTruth({
    type: 'summary',
    realPeople: peopleCreated(ctx),
    rings: ctx.ringsPlanted,
    counts: { ...ctx.router.counts },
  });
}
