import { formatDateTime, minuteAt } from '../../format/calendar.ts';
import { canonicalFullName } from '../../format/name-variants.ts';
import { familyNames } from '../../vocab/vietnamese-names.ts';
import { nameFor } from '../households.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import { ensureTelecomSubscriber, personRef, phoneRef, registerStrawSubscriber, sendPhone } from '../source-records.ts';
import { sources } from '../sources.ts';
import { operatives, type RingDraft } from './ring-draft.ts';

/**
 * Burner phones: a handful per ring, each used by several members and rotated (a member moves from one burner to
 * the next). Telecom ties them to members' SIM registrations through the handsets, and sees them call each other
 * often and call the victims or their families.
 */
export function plantBurnerPhones(ctx: ScenarioContext, ring: RingDraft): void {
  const { random } = ctx;
  const members = operatives(ring);
  const burnerCount = Math.min(5, 2 + Math.floor(members.length / 3));
  for (let i = 0; i < burnerCount; i += 1) {
    const burner = ctx.newPhoneNumber();
    ring.burners.push(burner);
    sendPhone(ctx, sources.telecom, burner);
    // Field records: the SIM was bought under a straw name, beside the handsets that tie it to the members.
    if (ctx.options.fieldNoise) ring.strawSubscribers.push(registerStrawSubscriber(ctx, burner, strawName(ctx)));
  }
  const firstUse = ctx.referenceDay - random.int(200, 400);
  members.forEach(({ person }, index) => {
    const subscriber = ensureTelecomSubscriber(ctx, person);
    for (let step = 0; step < 2; step += 1) {
      const burner = ring.burners[(index + step) % burnerCount];
      if (!burner) continue;
      const day = firstUse + step * random.int(60, 150);
      ctx.router.link(sources.telecom, {
        type: 'USES_PHONE',
        from: personRef(subscriber),
        to: phoneRef(ctx, sources.telecom, burner),
        at: formatDateTime(minuteAt(day, random.int(7, 22), random.int(0, 59))),
      });
    }
  });
  const lastCall = (): string =>
    formatDateTime(minuteAt(ctx.referenceDay - random.int(0, 45), random.int(0, 23), random.int(0, 59)));
  for (let a = 0; a < burnerCount; a += 1) {
    for (let b = a + 1; b < burnerCount; b += 1) {
      const [from, to] = random.chance(0.5) ? [a, b] : [b, a];
      ctx.router.link(sources.telecom, {
        type: 'CALLED',
        from: phoneRef(ctx, sources.telecom, ring.burners[from] ?? ''),
        to: phoneRef(ctx, sources.telecom, ring.burners[to] ?? ''),
        count: random.int(15, 150),
        at: lastCall(),
      });
    }
  }
  ring.victims.forEach(({ person, household }, index) => {
    const callee = person.mobile ?? household?.homePhone;
    const burner = ring.burners[index % burnerCount];
    if (!callee || !burner) return;
    ctx.router.link(sources.telecom, {
      type: 'CALLED',
      from: phoneRef(ctx, sources.telecom, burner),
      to: phoneRef(ctx, sources.telecom, callee),
      count: random.int(2, 20),
      at: lastCall(),
    });
  });
}

/** A made-up subscriber's name, written like any other. */
export function strawName(ctx: ScenarioContext): string {
  const sex = ctx.random.chance(0.5) ? 'MALE' : 'FEMALE';
  return canonicalFullName(nameFor(ctx, sex, ctx.random.pickWeighted(familyNames)));
}
