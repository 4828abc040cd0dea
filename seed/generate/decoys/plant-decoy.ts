import { formatDateTime, minuteAt } from '../../format/calendar.ts';
import { checkpoints, type Checkpoint } from '../../vocab/checkpoints.ts';
import type { DecoyKind } from '../../truth-types.ts';
import { createHousehold } from '../households.ts';
import { personKeyLabel, type Person } from '../people.ts';
import { copyRefs, type ScenarioContext } from '../scenario-context.ts';
import {
  ensureBorderGuardRecord,
  ensureLabourRecord,
  ensureTelecomSubscriber,
  personRef,
  phoneRef,
  sendPhone,
} from '../source-records.ts';
import { sources } from '../sources.ts';

// Groups whose records look like a ring's in one respect and are ordinary life: detection must keep them out
// of its top candidates. They rotate, so any five consecutive decoys hold one of each kind.

const decoyOrder: readonly DecoyKind[] = [
  'CONTRACT_WORKERS',
  'FAMILY_SHOP_PHONE',
  'CALL_CENTRE_ROTA',
  'SCHOOL_TRIP',
  'DAY_TRADERS',
];

/** People of the neighbourhood who are in no ring, distinct, within an age range; fewer when it runs dry. */
function neighbours(
  ctx: ScenarioContext,
  count: number,
  minAge: number,
  maxAge: number,
  taken: Person[] = [],
): Person[] {
  const found: Person[] = [];
  for (let tries = 0; found.length < count && tries < count * 20; tries += 1) {
    const person = ctx.recent.randomPerson(ctx.random, (p) => !p.inRing && p.age >= minAge && p.age <= maxAge);
    if (person && !found.includes(person) && !taken.includes(person)) found.push(person);
  }
  return found;
}

function crossAll(
  ctx: ScenarioContext,
  people: readonly Person[],
  checkpoint: Checkpoint,
  direction: 'EXIT' | 'ENTRY',
  day: number,
  hour: number,
  plate: string | undefined,
): void {
  for (const person of people) {
    if (person.birthDay >= day) continue;
    const record = {
      externalId: ctx.ids.next('XC', 8),
      person: personRef(ensureBorderGuardRecord(ctx, person)),
      checkpoint: checkpoint.name,
      direction,
      at: formatDateTime(minuteAt(day, hour, ctx.random.int(0, 50))),
      country: checkpoint.country,
    };
    ctx.router.crossing(sources.borderGuard, plate === undefined ? record : { ...record, vehiclePlate: plate });
  }
}

const busPlate = (ctx: ScenarioContext): string =>
  `${ctx.random.pick(['14B', '29B', '37B', '70B'])}-${ctx.random.int(100, 999)}.${ctx.random.int(10, 99)}`;

/** Workers of a licensed agency who leave on one bus with the agency's escort and come back when the contract ends. */
function contractWorkers(ctx: ScenarioContext): Person[] {
  const { random } = ctx;
  const agency = ctx.agencies.length > 0 ? random.pick(ctx.agencies) : undefined;
  if (!agency) return [];
  const workers: Person[] = [];
  for (let i = random.int(6, 20); i > 0; i -= 1) {
    const { anchor } = createHousehold(ctx, { age: random.int(20, 35), sex: random.chance(0.5) ? 'MALE' : 'FEMALE' });
    if (!anchor) continue;
    const workerId = ensureLabourRecord(ctx, anchor);
    ctx.router.link(sources.labour, {
      type: 'RECRUITED_BY',
      from: personRef(workerId),
      to: { kind: 'BROKER', externalId: agency.brokerId },
      at: formatDateTime(minuteAt(ctx.referenceDay - random.int(730, 800), 9, random.int(0, 59))),
    });
    workers.push(anchor);
  }
  const escort = neighbours(ctx, 1, 30, 50, workers);
  const checkpoint = random.pick([checkpoints.mongCai, checkpoints.laoCai, checkpoints.cauTreo, checkpoints.laoBao]);
  const plate = busPlate(ctx);
  const exitDay = ctx.referenceDay - random.int(420, 700);
  const hour = random.int(6, 14);
  crossAll(ctx, [...workers, ...escort], checkpoint, 'EXIT', exitDay, hour, plate);
  crossAll(ctx, escort, checkpoint, 'ENTRY', exitDay + random.int(1, 3), random.int(8, 18), undefined);
  // The contract ends: back together, or in a few groups over a week.
  const contractEnd = exitDay + random.int(300, 390);
  for (const worker of workers) {
    crossAll(ctx, [worker], checkpoint, 'ENTRY', contractEnd + random.int(0, 7), random.int(8, 18), undefined);
  }
  return [...workers, ...escort];
}

/** A family shop's phone, used by the family and its staff, called by many customers. */
function familyShop(ctx: ScenarioContext): Person[] {
  const { random } = ctx;
  const { household } = createHousehold(ctx, { age: random.int(35, 60), sex: random.chance(0.6) ? 'MALE' : 'FEMALE' });
  const family = household.members.filter((m) => m.age >= 16).slice(0, 3);
  const staff = neighbours(ctx, random.int(2, 4), 18, 40, household.members);
  const shopPhone = ctx.newPhoneNumber();
  sendPhone(ctx, sources.telecom, shopPhone);
  const users = [...family, ...staff];
  for (const user of users) {
    ctx.router.link(sources.telecom, {
      type: 'USES_PHONE',
      from: personRef(ensureTelecomSubscriber(ctx, user)),
      to: phoneRef(ctx, sources.telecom, shopPhone),
    });
  }
  for (const customer of neighbours(ctx, random.int(15, 40), 14, 80, users)) {
    if (!customer.mobile) continue;
    ctx.router.link(sources.telecom, {
      type: 'CALLED',
      from: phoneRef(ctx, sources.telecom, customer.mobile),
      to: phoneRef(ctx, sources.telecom, shopPhone),
      count: random.int(1, 12),
      at: formatDateTime(minuteAt(ctx.referenceDay - random.int(0, 90), random.int(7, 20), random.int(0, 59))),
    });
  }
  return users;
}

/** A call centre's number, used in turn by a rota of unrelated staff, calling many customers. */
function callCentre(ctx: ScenarioContext): Person[] {
  const { random } = ctx;
  const staff = neighbours(ctx, random.int(4, 12), 19, 35);
  const hotline = ctx.newPhoneNumber();
  sendPhone(ctx, sources.telecom, hotline);
  staff.forEach((member, shift) => {
    ctx.router.link(sources.telecom, {
      type: 'USES_PHONE',
      from: personRef(ensureTelecomSubscriber(ctx, member)),
      to: phoneRef(ctx, sources.telecom, hotline),
      at: formatDateTime(minuteAt(ctx.referenceDay - 200 + shift * 7, 8, 0)),
    });
  });
  for (const customer of neighbours(ctx, random.int(30, 80), 16, 80, staff)) {
    if (!customer.mobile) continue;
    ctx.router.link(sources.telecom, {
      type: 'CALLED',
      from: phoneRef(ctx, sources.telecom, hotline),
      to: phoneRef(ctx, sources.telecom, customer.mobile),
      count: random.int(1, 6),
      at: formatDateTime(minuteAt(ctx.referenceDay - random.int(0, 60), random.int(8, 20), random.int(0, 59))),
    });
  }
  return staff;
}

/** Children of one school with their teachers, across the border on one bus and all back two or three days later. */
function schoolTrip(ctx: ScenarioContext): Person[] {
  const { random } = ctx;
  const children = neighbours(ctx, random.int(12, 30), 9, 15);
  const teachers = neighbours(ctx, random.int(2, 3), 25, 55, children);
  const checkpoint = random.pick([checkpoints.mongCai, checkpoints.laoCai, checkpoints.mocBai, checkpoints.cauTreo]);
  const plate = busPlate(ctx);
  const day = ctx.referenceDay - random.int(10, 300);
  const trip = [...teachers, ...children];
  crossAll(ctx, trip, checkpoint, 'EXIT', day, random.int(6, 10), plate);
  crossAll(ctx, trip, checkpoint, 'ENTRY', day + random.int(1, 3), random.int(14, 19), plate);
  return trip;
}

/** Traders who cross together every morning and come back every afternoon. */
function dayTraders(ctx: ScenarioContext): Person[] {
  const { random } = ctx;
  const traders = neighbours(ctx, random.int(4, 10), 25, 60);
  const checkpoint = random.pick([checkpoints.mocBai, checkpoints.mongCai, checkpoints.tinhBien, checkpoints.laoBao]);
  const plate = busPlate(ctx);
  const days = random.int(10, 40);
  const first = ctx.referenceDay - days - random.int(1, 30);
  for (let day = first; day < first + days; day += 1) {
    crossAll(ctx, traders, checkpoint, 'EXIT', day, 7, plate);
    crossAll(ctx, traders, checkpoint, 'ENTRY', day, 16, plate);
  }
  return traders;
}

const plant: Record<DecoyKind, (ctx: ScenarioContext) => Person[]> = {
  CONTRACT_WORKERS: contractWorkers,
  FAMILY_SHOP_PHONE: familyShop,
  CALL_CENTRE_ROTA: callCentre,
  SCHOOL_TRIP: schoolTrip,
  DAY_TRADERS: dayTraders,
};

/**
 * Plants the next decoy of the rotation and writes its truth. Returns false when the neighbourhood is still
 * too small to draw the group from (nothing is written then).
 */
export function plantDecoy(ctx: ScenarioContext): boolean {
  if (ctx.recent.size < 40) return false;
  const kind = decoyOrder[ctx.decoysPlanted % decoyOrder.length] ?? 'CONTRACT_WORKERS';
  const people = plant[kind](ctx);
  if (people.length === 0) return false;
  ctx.decoysPlanted += 1;
  ctx.emitTruth({
    type: 'decoy',
    id: `D${String(ctx.decoysPlanted).padStart(5, '0')}`,
    kind,
    members: people.map((person) => ({ person: personKeyLabel(person), refs: copyRefs(person.refs) })),
  });
  return true;
}
