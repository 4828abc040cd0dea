import type { Random } from '../prng.ts';

export type HouseholdRole = 'head' | 'spouse' | 'child' | 'elder';

export interface MemberPlan {
  role: HouseholdRole;
  age: number;
  sex: 'MALE' | 'FEMALE';
}

/** A person the household must contain, e.g. a ring member or a victim who needs a family at home. */
export interface HouseholdAnchor {
  age: number;
  sex: 'MALE' | 'FEMALE';
}

export interface HouseholdPlan {
  members: MemberPlan[];
  /** Position of the anchor in `members`, when one was asked for. */
  anchorIndex: number;
}

const opposite = (sex: 'MALE' | 'FEMALE'): 'MALE' | 'FEMALE' => (sex === 'MALE' ? 'FEMALE' : 'MALE');
const randomSex = (random: Random): 'MALE' | 'FEMALE' => (random.chance(0.5) ? 'MALE' : 'FEMALE');

function addChildren(random: Random, members: MemberPlan[], headAge: number, count: number): void {
  const oldest = Math.min(headAge - 19, 40);
  for (let i = 0; i < count && oldest >= 0; i += 1) {
    members.push({ role: 'child', age: random.int(Math.max(0, headAge - 42), oldest), sex: randomSex(random) });
  }
}

function addSpouse(random: Random, members: MemberPlan[], head: MemberPlan): void {
  const age = Math.max(18, head.age + (head.sex === 'MALE' ? random.int(-7, 1) : random.int(-1, 7)));
  members.push({ role: 'spouse', age, sex: opposite(head.sex) });
}

function addElder(random: Random, members: MemberPlan[], headAge: number): void {
  const age = headAge + random.int(21, 32);
  if (age <= 92) members.push({ role: 'elder', age, sex: random.chance(0.65) ? 'FEMALE' : 'MALE' });
}

/** Who lives together: parents, children and sometimes a grandparent, around an optional anchor. */
export function planHousehold(random: Random, anchor?: HouseholdAnchor): HouseholdPlan {
  const members: MemberPlan[] = [];
  const anchorIsChild = anchor !== undefined && (anchor.age < 24 || (anchor.age < 30 && random.chance(0.4)));

  if (anchor && anchorIsChild) {
    const head: MemberPlan = { role: 'head', age: Math.min(85, anchor.age + random.int(20, 36)), sex: 'MALE' };
    if (random.chance(0.15)) head.sex = 'FEMALE';
    members.push(head);
    if (random.chance(0.85)) addSpouse(random, members, head);
    members.push({ role: 'child', age: anchor.age, sex: anchor.sex });
    const anchorIndex = members.length - 1;
    addChildren(
      random,
      members,
      head.age,
      random.pickWeighted([
        [0, 3],
        [1, 4],
        [2, 2],
        [3, 1],
      ] as const),
    );
    if (random.chance(0.15)) addElder(random, members, head.age);
    return { members, anchorIndex };
  }

  const headAge = anchor ? anchor.age : random.int(22, 75);
  const headSex = anchor ? anchor.sex : random.chance(0.82) ? 'MALE' : 'FEMALE';
  const head: MemberPlan = { role: 'head', age: headAge, sex: headSex };
  members.push(head);
  const single = random.chance(headAge < 26 ? 0.55 : 0.1);
  if (!single) {
    addSpouse(random, members, head);
    const children =
      headAge > 58
        ? random.int(0, 2)
        : random.pickWeighted([
            [0, 2],
            [1, 3],
            [2, 4],
            [3, 2],
            [4, 1],
          ] as const);
    addChildren(random, members, headAge, children);
    if (headAge < 55 && random.chance(0.12)) addElder(random, members, headAge);
  }
  return { members, anchorIndex: anchor ? 0 : -1 };
}
