import { dayNumber } from '../format/calendar.ts';
import { createPhoneNumberAllocator } from '../format/phone-numbers.ts';
import type { ScenarioOptions } from '../options.ts';
import { createRandom, type Random } from '../prng.ts';
import type { SourceRef, TruthRecord } from '../truth-types.ts';
import { BatchRouter } from './batch-router.ts';
import { IdAllocator } from './id-allocator.ts';
import { personKeyLabel, type Person } from './people.ts';
import { RecentHouseholds } from './recent-households.ts';

export interface LicensedAgency {
  brokerId: string;
  /** Relative share of the legitimate recruits. */
  weight: number;
}

export interface PlantedRecruiter {
  person: Person;
  ringId: string;
}

/** Everything the generators share while one scenario is produced. */
export interface ScenarioContext {
  readonly options: ScenarioOptions;
  readonly random: Random;
  readonly router: BatchRouter;
  readonly ids: IdAllocator;
  readonly referenceDay: number;
  readonly newPhoneNumber: () => string;
  readonly recent: RecentHouseholds;
  readonly agencies: LicensedAgency[];
  /** Recruiters of the last few rings, so a new ring can share one. */
  readonly recentRecruiters: PlantedRecruiter[];
  /** Chance that an adult aged 18-40 is recruited legitimately by a licensed agency. */
  readonly legitimateRecruitRate: number;
  readonly emitTruth: (record: TruthRecord) => void;
  nextPersonKey: number;
  /** Rings of every shape, which numbers their ids. */
  ringsPlanted: number;
  /** Rings of the four rotating shapes, which picks the next one's shape. */
  rotatingRingsPlanted: number;
  decoysPlanted: number;
}

const neighbourhoodHouseholds = 600;

/** Makes the agencies' targets of a few hundred recruits each reachable at every scenario size. */
function legitimateRecruitRate(options: ScenarioOptions): number {
  const recruitsPerAgency = 400;
  const adultsAged18To40 = options.people * 0.33;
  return Math.min(0.25, (options.licensedAgencies * recruitsPerAgency) / adultsAged18To40);
}

/** A short digest of the options, so two different scenarios never share idempotency keys. */
export function scenarioFingerprint(options: ScenarioOptions): string {
  // The field shapes' knobs count only when used, so the older presets keep their idempotency keys.
  const { onlineRecruitmentRings, familyRings, decoyGroups, fieldNoise, ...older } = options;
  const used = fieldNoise || onlineRecruitmentRings + familyRings + decoyGroups > 0;
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(used ? options : older)) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function createScenarioContext(
  options: ScenarioOptions,
  emitTruth: (record: TruthRecord) => void,
): ScenarioContext {
  const random = createRandom(options.seed);
  const onEvict = (household: { members: Person[] }): void => {
    for (const person of household.members) {
      if (person.refs.length > 1)
        emitTruth({ type: 'identity', person: personKeyLabel(person), refs: copyRefs(person.refs) });
    }
  };
  return {
    options,
    random,
    router: new BatchRouter(options.batchSize, `seed-${scenarioFingerprint(options)}`),
    ids: new IdAllocator(),
    referenceDay: dayNumber(options.referenceDate),
    newPhoneNumber: createPhoneNumberAllocator(random),
    recent: new RecentHouseholds(neighbourhoodHouseholds, onEvict),
    agencies: [],
    recentRecruiters: [],
    legitimateRecruitRate: legitimateRecruitRate(options),
    emitTruth,
    nextPersonKey: 1,
    ringsPlanted: 0,
    rotatingRingsPlanted: 0,
    decoysPlanted: 0,
  };
}

export function copyRefs(refs: readonly SourceRef[]): SourceRef[] {
  return refs.map((ref) => ({ source: ref.source, externalId: ref.externalId }));
}
