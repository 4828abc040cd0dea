import type { IngestBatchInput } from '../ingest-types.ts';
import { resolveScenarioOptions, type ScenarioOptionsInput } from '../options.ts';
import type { TruthRecord } from '../truth-types.ts';
import { EvenSchedule } from './even-schedule.ts';
import { createHousehold } from './households.ts';
import { createLicensedAgencies } from './licensed-agencies.ts';
import { openOrdinaryCase } from './ordinary-cases.ts';
import { plantDecoy } from './decoys/plant-decoy.ts';
import { plantFamilyRing } from './rings/plant-family-ring.ts';
import { plantOnlineRecruitmentRing } from './rings/plant-online-recruitment.ts';
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

interface Schedules {
  rings: EvenSchedule;
  online: EvenSchedule;
  family: EvenSchedule;
  decoys: EvenSchedule;
  tours: EvenSchedule;
  cases: EvenSchedule;
}

/** The rings still owed: planting one creates many people at once, so some may be due when the count is reached. */
function plantRemainingRings(ctx: ScenarioContext, schedules: Schedules): boolean {
  const kinds = [
    [schedules.rings, plantRing],
    [schedules.online, plantOnlineRecruitmentRing],
    [schedules.family, plantFamilyRing],
  ] as const;
  for (const [schedule, plantOne] of kinds) {
    if (schedule.remaining === 0) continue;
    plantOne(ctx);
    schedule.markFired();
    return true;
  }
  return false;
}

/** Runs one unit of the scenario: a planted ring, a decoy, a tour group, a case, or else an ordinary household. */
function step(ctx: ScenarioContext, schedules: Schedules): void {
  const { rings, online, family, decoys, tours, cases } = schedules;
  const progress = peopleCreated(ctx);
  if (rings.isDue(progress)) {
    plantRing(ctx);
    rings.markFired();
  } else if (online.isDue(progress)) {
    plantOnlineRecruitmentRing(ctx);
    online.markFired();
  } else if (family.isDue(progress)) {
    plantFamilyRing(ctx);
    family.markFired();
  } else if (decoys.isDue(progress) && plantDecoy(ctx)) {
    decoys.markFired();
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
  const schedules: Schedules = {
    rings: new EvenSchedule(options.rings, options.people),
    online: new EvenSchedule(options.onlineRecruitmentRings, options.people),
    family: new EvenSchedule(options.familyRings, options.people),
    decoys: new EvenSchedule(options.decoyGroups, options.people),
    tours: new EvenSchedule(options.tourGroups, options.people),
    cases: new EvenSchedule(options.ordinaryCases, options.people),
  };
  while (peopleCreated(ctx) < options.people) {
    step(ctx, schedules);
    yield* ctx.router.takeReady();
  }
  while (plantRemainingRings(ctx, schedules)) yield* ctx.router.takeReady();

  ctx.router.flushAll();
  ctx.recent.evictAll();
  yield* ctx.router.takeReady();
  emitTruth({
    type: 'summary',
    realPeople: peopleCreated(ctx),
    rings: ctx.ringsPlanted,
    ...(ctx.decoysPlanted > 0 ? { decoys: ctx.decoysPlanted } : {}),
    counts: { ...ctx.router.counts },
  });
}
