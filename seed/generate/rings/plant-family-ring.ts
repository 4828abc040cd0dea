import { minuteAt } from '../../format/calendar.ts';
import { borderProvinces } from '../../vocab/border-provinces.ts';
import { checkpointsTo } from '../../vocab/checkpoints.ts';
import { createHousehold } from '../households.ts';
import type { Household, Person } from '../people.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import { personRef } from '../source-records.ts';
import { sources } from '../sources.ts';
import { toTruth } from './plant-ring.ts';
import { newRingDraft, type RingDraft, type RingMember } from './ring-draft.ts';
import { cross } from './ring-exits.ts';
import { fieldRingShapes } from './ring-shapes.ts';

const minChildAge = 4;

/** A sibling's household with a child under 16 in it; the child and their brothers and sisters under 16. */
function siblingsHousehold(ctx: ScenarioContext, ring: RingDraft): { household: Household; children: Person[] } {
  const profile = ring.spec.victim(ctx.random);
  const { household, anchor } = createHousehold(ctx, { ...profile, province: ring.homeProvince });
  if (!anchor) throw new Error('a household built around an anchor must contain it');
  const others = household.members.filter((m) => m !== anchor && m.age >= minChildAge && m.age < 16);
  return { household, children: [anchor, ...others] };
}

/**
 * Family-run child trafficking: an aunt (sometimes with her husband) takes two to four nieces and nephews
 * under 16, from one or two of her siblings' households, across the Chinese border and comes back alone.
 * The only ties are kinship ties (the police registry's RELATIVE_OF to the children's parents, sometimes to
 * the children), the very ties detection damps as ordinary family life; no phone, broker or case. 4 to 6 people.
 */
export function plantFamilyRing(ctx: ScenarioContext): void {
  const { random } = ctx;
  const spec = fieldRingShapes.FAMILY_CHILD_TRAFFICKING;
  const near = borderProvinces.filter((province) => province.checkpoint.country === 'CN');
  const ring = newRingDraft(ctx, {
    spec,
    destination: 'CN',
    checkpoints: [random.pick(checkpointsTo('CN'))],
    homeProvince: random.pick(near),
  });

  const aunt = createHousehold(ctx, {
    age: random.int(28, 55),
    sex: random.chance(spec.recruiterFemaleShare) ? 'FEMALE' : 'MALE',
    province: ring.homeProvince,
  });
  if (!aunt.anchor) throw new Error('a household built around an anchor must contain it');
  const spouse = aunt.household.members.find((m) => m !== aunt.anchor && m.age >= 18 && m.age >= aunt.anchor!.age - 12);
  const wanted = random.int(2, 4);
  const households: { household: Household; children: Person[] }[] = [];
  const children: Person[] = [];
  const adults = [aunt.anchor];
  if (spouse && random.chance(0.4)) adults.push(spouse);
  while (children.length < wanted || children.length + adults.length < 4) {
    const next = siblingsHousehold(ctx, ring);
    households.push(next);
    for (const child of next.children) if (children.length < Math.max(wanted, 4 - adults.length)) children.push(child);
  }
  ring.recruiters.push({ person: aunt.anchor, role: 'recruiter', household: aunt.household });
  if (adults[1]) ring.escorts.push({ person: adults[1], role: 'escort', household: aunt.household });
  for (const { household, children: own } of households) {
    for (const child of own.filter((c) => children.includes(c)))
      ring.victims.push({ person: child, role: 'victim', household });
  }
  for (const member of [...ring.recruiters, ...ring.escorts, ...ring.victims]) member.person.inRing = true;

  // The registry knows the aunt as the parents' sister, and sometimes as the children's aunt.
  for (const { household } of households) {
    const parents = household.members.filter((m) => m.age >= 18 && !children.includes(m)).slice(0, 2);
    for (const parent of parents) {
      ctx.router.link(sources.police, {
        type: 'RELATIVE_OF',
        from: personRef(aunt.anchor.policeId),
        to: personRef(parent.policeId),
      });
    }
  }
  for (const victim of ring.victims) {
    if (!random.chance(0.5)) continue;
    ctx.router.link(sources.police, {
      type: 'RELATIVE_OF',
      from: personRef(victim.person.policeId),
      to: personRef(aunt.anchor.policeId),
    });
  }

  // One trip: the adults and the children cross within the hour; the adults come back alone days later.
  const checkpoint = ring.checkpoints[0]!;
  const day = ctx.referenceDay - random.int(20, 330);
  const hour = random.int(6, 17);
  const plate = random.chance(0.5)
    ? `${ring.homeProvince.plateCode}A-${random.int(100, 999)}.${random.int(10, 99)}`
    : undefined;
  const companions: RingMember[] = [...ring.recruiters, ...ring.escorts];
  for (const adult of companions)
    cross(ctx, adult.person, checkpoint, 'EXIT', minuteAt(day, hour, random.int(0, 50)), plate);
  for (const victim of ring.victims) {
    cross(ctx, victim.person, checkpoint, 'EXIT', minuteAt(day, hour, random.int(0, 50)), plate);
    ring.exits.push({ victim, day });
  }
  const back = Math.min(ctx.referenceDay, day + random.int(1, 4));
  for (const adult of companions) {
    cross(ctx, adult.person, checkpoint, 'ENTRY', minuteAt(back, random.int(7, 19), random.int(0, 59)), undefined);
  }
  ctx.emitTruth(toTruth(ring));
}
