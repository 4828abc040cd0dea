import type { RingRole } from '../../truth-types.ts';
import { createHousehold } from '../households.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import { ensureTelecomSubscriber, sendPhone } from '../source-records.ts';
import { sources } from '../sources.ts';
import type { RingDraft, RingMember } from './ring-draft.ts';
import type { RingComposition } from './ring-shapes.ts';

const shareRecruiterChance = 0.15;

function operative(ctx: ScenarioContext, ring: RingDraft, role: RingRole): RingMember {
  const { random } = ctx;
  const femaleShare = role === 'recruiter' ? ring.spec.recruiterFemaleShare : role === 'escort' ? 0.3 : 0.35;
  const age =
    role === 'organiser' ? random.int(35, 58) : role === 'recruiter' ? random.int(25, 50) : random.int(22, 45);
  const province = random.chance(0.8) ? ring.homeProvince : undefined;
  const anchor = { age, sex: random.chance(femaleShare) ? ('FEMALE' as const) : ('MALE' as const) };
  const { household, anchor: person } = createHousehold(ctx, province ? { ...anchor, province } : anchor);
  if (!person) throw new Error('a household built around an anchor must contain it');
  person.inRing = true;
  // Operatives carry a personal mobile and a SIM registration: that is how their burners are tied to them.
  person.mobile ??= ctx.newPhoneNumber();
  sendPhone(ctx, sources.telecom, person.mobile);
  ensureTelecomSubscriber(ctx, person);
  return { person, role, household };
}

function victim(ctx: ScenarioContext, ring: RingDraft): RingMember {
  const profile = ring.spec.victim(ctx.random);
  const { household, anchor: person } = createHousehold(ctx, profile);
  if (!person) throw new Error('a household built around an anchor must contain it');
  person.inRing = true;
  if (profile.age >= 15 && !person.mobile) {
    // Youths are contacted on their own phones by fake job offers.
    person.mobile = ctx.newPhoneNumber();
    sendPhone(ctx, sources.telecom, person.mobile);
  }
  return { person, role: 'victim', household };
}

/** Creates the ring's people, each in a household of their own; sometimes reuses a recruiter of an earlier ring. */
export function recruitRingMembers(ctx: ScenarioContext, ring: RingDraft, composition: RingComposition): void {
  const { random } = ctx;
  for (let i = 0; i < composition.organisers; i += 1) ring.organisers.push(operative(ctx, ring, 'organiser'));
  for (let i = 0; i < composition.recruiters; i += 1) {
    const shared = i === 0 && ctx.recentRecruiters.length > 0 && random.chance(shareRecruiterChance);
    const earlier = shared ? random.pick(ctx.recentRecruiters) : undefined;
    // A shared recruiter must not gain records after the earlier ring's truth was written: in the child shape
    // the recruiter crosses the border, which needs a border-guard record they may not have yet.
    if (earlier && (earlier.person.borderGuardId !== undefined || !ring.spec.recruiterPosesAsRelative)) {
      ring.recruiters.push({ person: earlier.person, role: 'recruiter', household: undefined });
      ring.sharesMembersWith.push(earlier.ringId);
    } else {
      ring.recruiters.push(operative(ctx, ring, 'recruiter'));
    }
  }
  for (let i = 0; i < composition.escorts; i += 1) ring.escorts.push(operative(ctx, ring, 'escort'));
  for (let i = 0; i < composition.victims; i += 1) ring.victims.push(victim(ctx, ring));
}
