import { formatDateTime, minuteAt } from '../../format/calendar.ts';
import type { CrossingDirection } from '../../ingest-types.ts';
import type { Checkpoint } from '../../vocab/checkpoints.ts';
import type { Person } from '../people.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import { ensureBorderGuardRecord, personRef } from '../source-records.ts';
import { sources } from '../sources.ts';
import type { RingDraft, RingMember } from './ring-draft.ts';

const exitShare = 0.85;

/** One crossing in the border guard's log, with the traveller's record (created on first crossing). */
export function cross(
  ctx: ScenarioContext,
  person: Person,
  checkpoint: Checkpoint,
  direction: CrossingDirection,
  minute: number,
  plate: string | undefined,
): void {
  const record = {
    externalId: ctx.ids.next('XC', 8),
    person: personRef(ensureBorderGuardRecord(ctx, person)),
    checkpoint: checkpoint.name,
    direction,
    at: formatDateTime(minute),
    country: checkpoint.country,
  };
  ctx.router.crossing(sources.borderGuard, plate === undefined ? record : { ...record, vehiclePlate: plate });
}

/**
 * Victims leave in small groups with an escort, all within one clock hour at a checkpoint to the ring's
 * destination, and never come back; the escort returns a few days later. In the child-trafficking shape the
 * recruiter crosses with the children too, posing as their relative.
 */
export function sendVictimsAcross(ctx: ScenarioContext, ring: RingDraft): void {
  const { random } = ctx;
  const leaving = ring.victims.filter(() => random.chance(exitShare));
  const companionsPool = ring.escorts.length > 0 ? ring.escorts : ring.recruiters;
  let day = ctx.referenceDay - random.int(150, 330);
  for (let start = 0, group = 0; start < leaving.length; group += 1) {
    const size = Math.min(leaving.length - start, random.int(2, 5));
    const victims = leaving.slice(start, start + size);
    start += size;
    const escort = companionsPool[group % companionsPool.length];
    const companions: RingMember[] = escort ? [escort] : [];
    const posingRecruiter = ring.recruiters[group % ring.recruiters.length];
    if (ring.spec.recruiterPosesAsRelative && posingRecruiter) companions.push(posingRecruiter);
    const checkpoint = random.pick(ring.checkpoints);
    const hour = random.int(5, 20);
    const plate = random.chance(0.5)
      ? `${ring.homeProvince.plateCode}A-${random.int(100, 999)}.${random.int(10, 99)}`
      : undefined;
    for (const companion of companions) {
      cross(ctx, companion.person, checkpoint, 'EXIT', minuteAt(day, hour, random.int(0, 59)), plate);
    }
    for (const victim of victims) {
      cross(ctx, victim.person, checkpoint, 'EXIT', minuteAt(day, hour, random.int(0, 59)), plate);
      ring.exits.push({ victim, day });
    }
    for (const companion of companions) {
      const back = Math.min(ctx.referenceDay, day + random.int(1, 5));
      cross(
        ctx,
        companion.person,
        checkpoint,
        'ENTRY',
        minuteAt(back, random.int(7, 19), random.int(0, 59)),
        undefined,
      );
    }
    day = Math.min(ctx.referenceDay - 2, day + random.int(7, 45));
  }
}
