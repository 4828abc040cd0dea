import { formatDateTime, minuteAt } from '../format/calendar.ts';
import { checkpoints, type Checkpoint } from '../vocab/checkpoints.ts';
import type { Person } from './people.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { ensureBorderGuardRecord, personRef } from './source-records.ts';
import { sources } from './sources.ts';

const tourCheckpoints: readonly (readonly [Checkpoint, number])[] = [
  [checkpoints.mongCai, 4],
  [checkpoints.laoCai, 3],
  [checkpoints.huuNghi, 2],
  [checkpoints.mocBai, 2],
  [checkpoints.cauTreo, 1],
];

/**
 * Families (children included) who cross together on one bus within minutes and return days later: a decoy for
 * the co-crossing evidence, since a ring's exit looks the same apart from the return.
 * Returns false when the neighbourhood is still too small to fill a bus.
 */
export function sendTourGroup(ctx: ScenarioContext): boolean {
  const { random } = ctx;
  if (ctx.recent.size < 20) return false;
  const travellers: Person[] = [];
  const target = random.int(10, 30);
  for (let tries = 0; travellers.length < target && tries < 40; tries += 1) {
    const household = ctx.recent.randomHousehold(random);
    if (!household || household.members.some((member) => member.inRing)) continue;
    for (const member of household.members) if (!travellers.includes(member)) travellers.push(member);
  }
  if (travellers.length < 5) return false;

  const checkpoint = random.pickWeighted(tourCheckpoints);
  const plate = `${random.pick(['14B', '29B', '37B', '70B'])}-${random.int(100, 999)}.${random.int(10, 99)}`;
  const exitDay = ctx.referenceDay - random.int(8, 200);
  const exitHour = random.int(7, 15);
  const returnDay = exitDay + random.int(2, 5);
  const returnHour = random.int(9, 18);
  // A baby born after the trip stays home: a crossing before birth is invalid data.
  for (const traveller of travellers.filter((t) => t.birthDay < exitDay)) {
    const travellerId = ensureBorderGuardRecord(ctx, traveller);
    for (const [direction, at] of [
      ['EXIT', minuteAt(exitDay, exitHour, random.int(0, 45))],
      ['ENTRY', minuteAt(returnDay, returnHour, random.int(0, 45))],
    ] as const) {
      ctx.router.crossing(sources.borderGuard, {
        externalId: ctx.ids.next('XC', 8),
        person: personRef(travellerId),
        checkpoint: checkpoint.name,
        direction,
        at: formatDateTime(at),
        country: checkpoint.country,
        vehiclePlate: plate,
      });
    }
  }
  return true;
}
