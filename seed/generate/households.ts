import { birthDayForAge, minuteAt, formatDateTime } from '../format/calendar.ts';
import { citizenIdNumber } from '../format/document-numbers.ts';
import type { PersonName } from '../format/name-variants.ts';
import { weightedProvinces, type Province } from '../vocab/border-provinces.ts';
import {
  familyNames,
  femaleGivenNames,
  femaleMiddleNames,
  maleGivenNames,
  maleMiddleNames,
} from '../vocab/vietnamese-names.ts';
import { planHousehold, type HouseholdAnchor, type MemberPlan } from './compose-household.ts';
import { maybeRecruitLegitimately } from './legitimate-recruits.ts';
import type { Household, Person } from './people.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { ensureTelecomSubscriber, personRef, phoneRef, registerWithPolice, sendPhone } from './source-records.ts';
import { sources } from './sources.ts';
import { maybeMakeTrader } from './traders.ts';

export function nameFor(ctx: ScenarioContext, sex: 'MALE' | 'FEMALE', family: string): PersonName {
  const { random } = ctx;
  return sex === 'MALE'
    ? { family, middle: random.pickWeighted(maleMiddleNames), given: random.pick(maleGivenNames) }
    : { family, middle: random.pickWeighted(femaleMiddleNames), given: random.pick(femaleGivenNames) };
}

function mobileChance(age: number): number {
  if (age >= 18) return 0.75;
  if (age >= 14) return 0.45;
  return 0;
}

function createPerson(ctx: ScenarioContext, plan: MemberPlan, family: string, province: Province): Person {
  const key = ctx.nextPersonKey;
  ctx.nextPersonKey += 1;
  const birthDay = birthDayForAge(ctx.referenceDay, plan.age, ctx.random.int(0, 364));
  const person: Person = {
    key,
    name: nameFor(ctx, plan.sex, family),
    sex: plan.sex,
    birthDay,
    age: plan.age,
    province,
    refs: [],
    policeId: ctx.ids.next('CD'),
    inRing: false,
  };
  if (plan.age >= 14) {
    const birthYear = new Date(birthDay * 86_400_000).getUTCFullYear();
    person.citizenId = citizenIdNumber(key, province.citizenIdCode, plan.sex, birthYear);
  }
  if (ctx.random.chance(mobileChance(plan.age))) person.mobile = ctx.newPhoneNumber();
  return person;
}

function sendFamilyTies(ctx: ScenarioContext, members: Person[]): void {
  const [head, ...others] = members;
  if (!head) return;
  const spouse = others.find((member) => member.age >= 18 && member.name.family !== head.name.family);
  for (const member of others) {
    ctx.router.link(sources.police, {
      type: 'RELATIVE_OF',
      from: personRef(member.policeId),
      to: personRef(head.policeId),
    });
    if (spouse && member !== spouse && member.age < head.age - 15) {
      ctx.router.link(sources.police, {
        type: 'RELATIVE_OF',
        from: personRef(member.policeId),
        to: personRef(spouse.policeId),
      });
    }
  }
}

function sendAcquaintances(ctx: ScenarioContext, members: Person[]): void {
  const { random } = ctx;
  for (const member of members) {
    const friends = member.age >= 16 ? (random.chance(0.85) ? 1 : 0) + (random.chance(0.35) ? 1 : 0) : 0;
    for (let i = 0; i < friends; i += 1) {
      const friend = ctx.recent.randomPerson(random, (other) => other.age >= 14);
      if (!friend) break;
      ctx.router.link(sources.police, {
        type: 'KNOWS',
        from: personRef(member.policeId),
        to: personRef(friend.policeId),
      });
    }
  }
}

function recentCallMinute(ctx: ScenarioContext): number {
  return minuteAt(ctx.referenceDay - ctx.random.int(0, 60), ctx.random.int(6, 22), ctx.random.int(0, 59));
}

/** Everyday calls between ordinary phones: family, friends, the home phone. Telecom sent all of them on issue. */
function sendEverydayCalls(ctx: ScenarioContext, household: Household): void {
  const { random } = ctx;
  for (const member of household.members) {
    if (!member.mobile) continue;
    const calls = random.int(1, 3);
    for (let i = 0; i < calls; i += 1) {
      const callee = random.chance(0.4)
        ? (random.pick(household.members).mobile ?? household.homePhone)
        : ctx.recent.randomPerson(random, (other) => other.mobile !== undefined)?.mobile;
      if (!callee || callee === member.mobile) continue;
      ctx.router.link(sources.telecom, {
        type: 'CALLED',
        from: phoneRef(ctx, sources.telecom, member.mobile),
        to: phoneRef(ctx, sources.telecom, callee),
        count: random.int(1, 40),
        at: formatDateTime(recentCallMinute(ctx)),
      });
    }
  }
}

export interface CreatedHousehold {
  household: Household;
  /** The member built from the anchor, when one was given. */
  anchor: Person | undefined;
}

/**
 * One household of ordinary life: the registry records, a shared home phone, mobiles, family ties, friends among
 * the neighbours, calls; sometimes a trader or a legitimately recruited worker. Ring members and victims are
 * created through here too, so they have ordinary lives of their own.
 */
export function createHousehold(
  ctx: ScenarioContext,
  anchor?: HouseholdAnchor & { province?: Province },
): CreatedHousehold {
  const { random } = ctx;
  const province = anchor?.province ?? random.pickWeighted(weightedProvinces);
  const plan = planHousehold(random, anchor);
  const headFamily = random.pickWeighted(familyNames);
  const members = plan.members.map((member) => {
    const family = member.role === 'spouse' || member.role === 'elder' ? random.pickWeighted(familyNames) : headFamily;
    return createPerson(ctx, member, family, province);
  });
  const household: Household = { members, homePhone: ctx.newPhoneNumber(), province };
  const anchorPerson = plan.anchorIndex >= 0 ? members[plan.anchorIndex] : undefined;

  for (const member of members) registerWithPolice(ctx, member);
  sendPhone(ctx, sources.telecom, household.homePhone);
  const homePhoneByPolice = sendPhone(ctx, sources.police, household.homePhone);
  for (const member of members) {
    ctx.router.link(sources.police, { type: 'USES_PHONE', from: personRef(member.policeId), to: homePhoneByPolice });
  }
  for (const member of members) {
    if (!member.mobile) continue;
    sendPhone(ctx, sources.telecom, member.mobile);
    if (random.chance(0.4)) ensureTelecomSubscriber(ctx, member);
  }
  const head = members[0];
  if (head && head.age >= 18 && random.chance(0.25)) {
    const subscriber = ensureTelecomSubscriber(ctx, head);
    ctx.router.link(sources.telecom, {
      type: 'USES_PHONE',
      from: personRef(subscriber),
      to: phoneRef(ctx, sources.telecom, household.homePhone),
    });
  }

  sendFamilyTies(ctx, members);
  sendAcquaintances(ctx, members);
  sendEverydayCalls(ctx, household);
  // The anchor's travels and recruitment are the business of whoever asked for it (a ring, an agency).
  maybeMakeTrader(ctx, household, anchorPerson);
  maybeRecruitLegitimately(ctx, household, anchorPerson);
  ctx.recent.add(household);
  return { household, anchor: anchorPerson };
}
