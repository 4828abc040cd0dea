import type { RingMemberTruth, RingTruthRecord } from '../../truth-types.ts';
import { borderProvinces, type Province } from '../../vocab/border-provinces.ts';
import { checkpointsTo, type NeighbourCountry } from '../../vocab/checkpoints.ts';
import { personKeyLabel } from '../people.ts';
import { copyRefs, type ScenarioContext } from '../scenario-context.ts';
import { personRef } from '../source-records.ts';
import { sources } from '../sources.ts';
import { recruitRingMembers } from './recruit-ring-members.ts';
import { openScamBroker } from './ring-broker.ts';
import { maybeOpenRingCase } from './ring-case.ts';
import { newRingDraft, type RingDraft, type RingMember } from './ring-draft.ts';
import { sendVictimsAcross } from './ring-exits.ts';
import { plantBurnerPhones } from './ring-phones.ts';
import { repatriateSomeVictims } from './ring-repatriations.ts';
import { composeRing, shapeForRing } from './ring-shapes.ts';

const recentRecruitersKept = 12;

/** Rings operate from a province on the border they smuggle across. */
function homeProvinceFor(ctx: ScenarioContext, destination: NeighbourCountry): Province {
  const near = borderProvinces.filter((province) => province.checkpoint.country === destination);
  return ctx.random.pick(near.length > 0 ? near : borderProvinces);
}

/** The child-trafficking recruiter befriends the family, calls home and later crosses with the child. */
function approachFamilies(ctx: ScenarioContext, ring: RingDraft): void {
  if (!ring.spec.recruiterPosesAsRelative) return;
  ring.victims.forEach(({ person, household }, index) => {
    const recruiter = ring.recruiters[index % ring.recruiters.length]?.person;
    const parent = household?.members.find((member) => member !== person && member.age >= 25);
    if (!recruiter || !parent) return;
    ctx.router.link(sources.police, {
      type: 'KNOWS',
      from: personRef(recruiter.policeId),
      to: personRef(parent.policeId),
    });
  });
}

export function toTruth(ring: RingDraft): RingTruthRecord {
  const seen = new Set<number>();
  const members: RingMemberTruth[] = [];
  const add = (member: RingMember): void => {
    if (seen.has(member.person.key)) return;
    seen.add(member.person.key);
    members.push({
      person: personKeyLabel(member.person),
      role: member.role,
      age: member.person.age,
      refs: copyRefs(member.person.refs),
    });
  };
  [...ring.organisers, ...ring.recruiters, ...ring.escorts, ...ring.victims].forEach(add);
  const record: RingTruthRecord = {
    type: 'ring',
    id: ring.id,
    shape: ring.spec.shape,
    destinations: [ring.destination],
    cases: ring.cases,
    burnerPhones: ring.burners.map((national) => `+84${national.slice(1)}`),
    sharesMembersWith: ring.sharesMembersWith,
    members,
  };
  if (ring.broker) record.broker = ring.broker;
  if (ring.strawSubscribers.length > 0) record.strawSubscribers = ring.strawSubscribers;
  return record;
}

/** Plants one trafficking ring of the next shape in the rotation, with its people, phones, exits and cases. */
export function plantRing(ctx: ScenarioContext): void {
  const { random } = ctx;
  const spec = shapeForRing(ctx.rotatingRingsPlanted);
  ctx.rotatingRingsPlanted += 1;
  const destination = random.pick(spec.destinations);
  const available = checkpointsTo(destination);
  const ring = newRingDraft(ctx, {
    spec,
    destination,
    checkpoints: random.shuffled(available).slice(0, random.int(1, 2)),
    homeProvince: homeProvinceFor(ctx, destination),
  });
  recruitRingMembers(ctx, ring, composeRing(random));
  if (spec.usesBroker) openScamBroker(ctx, ring);
  plantBurnerPhones(ctx, ring);
  approachFamilies(ctx, ring);
  sendVictimsAcross(ctx, ring);
  maybeOpenRingCase(ctx, ring);
  repatriateSomeVictims(ctx, ring);

  for (const recruiter of ring.recruiters) {
    ctx.recentRecruiters.push({ person: recruiter.person, ringId: ring.id });
    if (ctx.recentRecruiters.length > recentRecruitersKept) ctx.recentRecruiters.shift();
  }
  ctx.emitTruth(toTruth(ring));
}
