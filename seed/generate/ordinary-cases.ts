import { formatDay } from '../format/calendar.ts';
import type { CaseRole, CaseStatus } from '../ingest-types.ts';
import { ordinaryCaseTitles } from '../vocab/organisations.ts';
import type { Person } from './people.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { openPoliceFileRecord, personRef } from './source-records.ts';
import { sources } from './sources.ts';

const statuses: readonly (readonly [CaseStatus, number])[] = [
  ['REPORTED', 2],
  ['UNDER_INVESTIGATION', 3],
  ['PROSECUTED', 2],
  ['CLOSED', 3],
];

/** A police case number as written on the file, e.g. "123/2025/CAQN". */
export function policeCaseNumber(ctx: ScenarioContext, openedDay: number, province: string): string {
  const year = new Date(openedDay * 86_400_000).getUTCFullYear();
  const initials = province
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(' ')
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase();
  return `${ctx.random.int(1, 999)}/${year}/CA${initials}`;
}

/**
 * Theft, fraud, assault: cases that have nothing to do with trafficking but put suspects, witnesses and
 * reporters in a case together. Some participants get a fresh police file instead of their registry record.
 * Returns false when the neighbourhood is still empty.
 */
export function openOrdinaryCase(ctx: ScenarioContext): boolean {
  const { random } = ctx;
  const adult = (person: Person): boolean => person.age >= 16;
  const roles: CaseRole[] = ['REPORTER', 'SUSPECT'];
  if (random.chance(0.4)) roles.push('SUSPECT');
  for (let i = random.int(0, 2); i > 0; i -= 1) roles.push('WITNESS');
  const participants = roles.map((role) => [role, ctx.recent.randomPerson(random, adult, 12)] as const);
  if (participants.some(([, person]) => person === undefined)) return false;

  const caseId = ctx.ids.next('VA');
  const openedDay = ctx.referenceDay - random.int(5, 700);
  const first = participants[0]?.[1];
  ctx.router.case(sources.police, {
    externalId: caseId,
    title: random.pickWeighted(ordinaryCaseTitles),
    status: random.pickWeighted(statuses),
    openedAt: formatDay(openedDay),
    caseNumber: policeCaseNumber(ctx, openedDay, first?.province.name ?? 'Quảng Ninh'),
  });
  for (const [role, person] of participants) {
    if (!person) continue;
    // Ring members' records are frozen in the truth once their ring is written.
    const recordId = !person.inRing && random.chance(0.3) ? openPoliceFileRecord(ctx, person) : person.policeId;
    ctx.router.link(sources.police, {
      type: 'INVOLVED_IN',
      from: personRef(recordId),
      to: { kind: 'CASE', externalId: caseId },
      role,
    });
  }
  return true;
}
