import { formatDateTime, minuteAt } from '../format/calendar.ts';
import type { Household, Person } from './people.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { ensureBorderGuardRecord, personRef } from './source-records.ts';
import { sources } from './sources.ts';

const traderShareOfHouseholds = 0.05;

/**
 * Small traders cross their province's checkpoint every week and come back: many exits to CN/LA/KH that are
 * perfectly ordinary, because each has a return.
 */
export function maybeMakeTrader(ctx: ScenarioContext, household: Household, excluded: Person | undefined): void {
  const { random } = ctx;
  if (!random.chance(traderShareOfHouseholds)) return;
  const trader = household.members.find((member) => member !== excluded && member.age >= 25 && member.age <= 60);
  if (!trader) return;
  const travellerId = ensureBorderGuardRecord(ctx, trader);
  const checkpoint = household.province.checkpoint;
  const plate = `${household.province.plateCode}C-${random.int(100, 999)}.${random.int(10, 99)}`;
  const weeks = random.int(4, 16);
  const firstDay = ctx.referenceDay - weeks * 7 - random.int(0, 6);
  for (let week = 0; week < weeks; week += 1) {
    const day = firstDay + week * 7;
    const exit = minuteAt(day, random.int(6, 10), random.int(0, 59));
    const entry = random.chance(0.8)
      ? minuteAt(day, random.int(14, 19), random.int(0, 59))
      : minuteAt(day + 1, random.int(8, 11), random.int(0, 59));
    for (const [direction, at] of [
      ['EXIT', exit],
      ['ENTRY', entry],
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
}
