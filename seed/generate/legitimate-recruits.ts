import { formatDateTime, minuteAt } from '../format/calendar.ts';
import type { Household, Person } from './people.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { ensureLabourRecord, personRef } from './source-records.ts';
import { sources } from './sources.ts';

/** Workers placed abroad by licensed agencies: large, legitimate recruitment hubs. */
export function maybeRecruitLegitimately(
  ctx: ScenarioContext,
  household: Household,
  excluded: Person | undefined,
): void {
  const { random } = ctx;
  if (ctx.agencies.length === 0) return;
  const weighted = ctx.agencies.map((agency) => [agency, agency.weight] as const);
  for (const member of household.members) {
    if (member === excluded || member.age < 18 || member.age > 40 || !random.chance(ctx.legitimateRecruitRate))
      continue;
    const agency = random.pickWeighted(weighted);
    const workerId = ensureLabourRecord(ctx, member);
    ctx.router.link(sources.labour, {
      type: 'RECRUITED_BY',
      from: personRef(workerId),
      to: { kind: 'BROKER', externalId: agency.brokerId },
      at: formatDateTime(minuteAt(ctx.referenceDay - random.int(30, 1000), random.int(8, 16), random.int(0, 59))),
    });
  }
}
