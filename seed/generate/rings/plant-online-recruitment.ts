import { formatDateTime, minuteAt } from '../../format/calendar.ts';
import { weightedProvinces } from '../../vocab/border-provinces.ts';
import { checkpoints, type Checkpoint } from '../../vocab/checkpoints.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import { ensureTelecomSubscriber, personRef, phoneRef, registerStrawSubscriber, sendPhone } from '../source-records.ts';
import { sources } from '../sources.ts';
import { toTruth } from './plant-ring.ts';
import { recruitRingMembers } from './recruit-ring-members.ts';
import { newRingDraft } from './ring-draft.ts';
import { cross } from './ring-exits.ts';
import { strawName } from './ring-phones.ts';
import { fieldRingShapes } from './ring-shapes.ts';

/** The crossings to the compounds of Cambodia and Laos that recruits are told to take. */
const compoundRoutes: readonly Checkpoint[] = [
  checkpoints.mocBai,
  checkpoints.xaMat,
  checkpoints.laoBao,
  checkpoints.cauTreo,
];

const leaveShare = 0.85;

/**
 * Online recruitment into scam compounds (the commonest case since 2022): one to three recruiters answer
 * fake job adverts from a few shared burners, bought under straw names, that call many young people on their
 * own phones. The youths then leave alone or in twos through Moc Bai, Xa Mat, Lao Bao or Cau Treo, with no
 * escort, and do not come back. No agency holds a recruitment link or a case: the calls and the exits are all
 * there is. 8 to 40 people.
 */
export function plantOnlineRecruitmentRing(ctx: ScenarioContext): void {
  const { random } = ctx;
  const spec = fieldRingShapes.ONLINE_SCAM_RECRUITMENT;
  const destination = random.pick(spec.destinations);
  const ring = newRingDraft(ctx, {
    spec,
    destination,
    checkpoints: compoundRoutes.filter((checkpoint) => checkpoint.country === destination),
    // Recruiting online, they live anywhere.
    homeProvince: random.pickWeighted(weightedProvinces),
  });
  const size = random.int(8, 40);
  const recruiters = size >= 25 ? 3 : size >= 14 ? 2 : 1;
  recruitRingMembers(ctx, ring, { organisers: 0, recruiters, escorts: 0, victims: size - recruiters });

  const burnerCount = random.int(2, Math.min(4, 1 + Math.ceil(size / 10)));
  for (let i = 0; i < burnerCount; i += 1) {
    const burner = ctx.newPhoneNumber();
    ring.burners.push(burner);
    sendPhone(ctx, sources.telecom, burner);
    ring.strawSubscribers.push(registerStrawSubscriber(ctx, burner, strawName(ctx)));
  }
  const at = (daysAgoFrom: number, daysAgoTo: number): string =>
    formatDateTime(
      minuteAt(ctx.referenceDay - random.int(daysAgoFrom, daysAgoTo), random.int(7, 23), random.int(0, 59)),
    );
  // Each recruiter's handset carried one or two of the burners (telecom sees the handset).
  ring.recruiters.forEach(({ person }, index) => {
    const subscriber = ensureTelecomSubscriber(ctx, person);
    const carried = random.chance(0.5) ? 2 : 1;
    for (let step = 0; step < carried; step += 1) {
      const burner = ring.burners[(index + step) % burnerCount] ?? '';
      ctx.router.link(sources.telecom, {
        type: 'USES_PHONE',
        from: personRef(subscriber),
        to: phoneRef(ctx, sources.telecom, burner),
        at: at(200, 400),
      });
    }
  });
  // Half of the rings coordinate on the burners; the others never call one burner from another.
  if (random.chance(0.5)) {
    for (let a = 0; a < burnerCount; a += 1) {
      for (let b = a + 1; b < burnerCount; b += 1) {
        ctx.router.link(sources.telecom, {
          type: 'CALLED',
          from: phoneRef(ctx, sources.telecom, ring.burners[a] ?? ''),
          to: phoneRef(ctx, sources.telecom, ring.burners[b] ?? ''),
          count: random.int(15, 80),
          at: at(0, 45),
        });
      }
    }
  }
  ring.victims.forEach(({ person }, index) => {
    // Youths answer on their own phones, registered to them.
    ensureTelecomSubscriber(ctx, person);
    const callers = random.chance(0.3) ? 2 : 1;
    for (let step = 0; step < callers; step += 1) {
      const burner = ring.burners[(index + step) % burnerCount] ?? '';
      ctx.router.link(sources.telecom, {
        type: 'CALLED',
        from: phoneRef(ctx, sources.telecom, burner),
        to: phoneRef(ctx, sources.telecom, person.mobile ?? ''),
        count: random.int(3, 30),
        at: at(30, 200),
      });
    }
  });

  const leaving = ring.victims.filter(() => random.chance(leaveShare));
  for (let start = 0; start < leaving.length;) {
    const together = leaving.slice(start, start + (random.chance(0.6) ? 1 : 2));
    start += together.length;
    const checkpoint = random.pick(ring.checkpoints);
    const day = ctx.referenceDay - random.int(20, 330);
    const hour = random.int(5, 21);
    for (const victim of together) {
      cross(ctx, victim.person, checkpoint, 'EXIT', minuteAt(day, hour, random.int(0, 50)), undefined);
      ring.exits.push({ victim, day });
    }
  }
  ctx.emitTruth(toTruth(ring));
}
