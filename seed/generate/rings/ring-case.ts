import { formatDay } from '../../format/calendar.ts';
import type { CaseRole } from '../../ingest-types.ts';
import { policeCaseNumber } from '../ordinary-cases.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import { openPoliceFileRecord, personRef, sendPhone } from '../source-records.ts';
import { sources } from '../sources.ts';
import type { RingDraft } from './ring-draft.ts';

const openCaseChance = 0.5;

/**
 * An open trafficking case on some rings: a parent reports the victim missing, the police list suspects, victims
 * (verified or suspected) and the burners they seized, and record who recruited whom. Police links to a broker in
 * the labour department's register name that source explicitly.
 */
export function maybeOpenRingCase(ctx: ScenarioContext, ring: RingDraft): void {
  const { random } = ctx;
  if (!random.chance(openCaseChance)) return;
  const firstExit = ring.exits.reduce((earliest, exit) => Math.min(earliest, exit.day), Number.POSITIVE_INFINITY);
  const openedDay = Number.isFinite(firstExit)
    ? Math.min(ctx.referenceDay - 1, firstExit + random.int(10, 90))
    : ctx.referenceDay - random.int(10, 120);
  const caseId = ctx.ids.next('VA');
  ctx.router.case(sources.police, {
    externalId: caseId,
    title: ring.spec.caseTitle,
    status: random.chance(0.5) ? 'REPORTED' : 'UNDER_INVESTIGATION',
    openedAt: formatDay(openedDay),
    caseNumber: policeCaseNumber(ctx, openedDay, ring.homeProvince.name),
  });
  ring.cases.push({ source: sources.police, externalId: caseId });
  const involve = (from: ReturnType<typeof personRef>, role: CaseRole): void =>
    ctx.router.link(sources.police, { type: 'INVOLVED_IN', from, to: { kind: 'CASE', externalId: caseId }, role });

  const exited = new Set(ring.exits.map((exit) => exit.victim));
  let reported = false;
  for (const victim of ring.victims) {
    const left = exited.has(victim);
    if (!left && random.chance(0.5)) continue;
    const role: CaseRole = left && random.chance(0.4) ? 'VICTIM' : 'SUSPECTED_VICTIM';
    const recordId = random.chance(0.3) ? openPoliceFileRecord(ctx, victim.person) : victim.person.policeId;
    involve(personRef(recordId), role);
    const parent = victim.household?.members.find((member) => member !== victim.person && member.age >= 30);
    if (parent && (!reported || random.chance(0.3))) {
      involve(personRef(parent.policeId), 'REPORTER');
      reported = true;
    }
  }

  const suspects = [
    ...ring.organisers.filter(() => random.chance(0.5)),
    ...ring.recruiters.filter(() => random.chance(0.8)),
    ...ring.escorts.filter(() => random.chance(0.6)),
  ];
  if (suspects.length === 0 && ring.recruiters[0]) suspects.push(ring.recruiters[0]);
  for (const suspect of suspects) involve(personRef(suspect.person.policeId), 'SUSPECT');

  const seized = ring.burners[0];
  if (seized) {
    const phone = sendPhone(ctx, sources.police, seized);
    ctx.router.link(sources.police, { type: 'INVOLVED_IN', from: phone, to: { kind: 'CASE', externalId: caseId } });
    for (const suspect of suspects.slice(0, 2)) {
      ctx.router.link(sources.police, { type: 'USES_PHONE', from: personRef(suspect.person.policeId), to: phone });
    }
  }
  if (ring.broker) {
    const from = { kind: 'BROKER' as const, externalId: ring.broker.externalId, source: ring.broker.source };
    ctx.router.link(sources.police, { type: 'INVOLVED_IN', from, to: { kind: 'CASE', externalId: caseId } });
  }
  for (const victim of ring.victims.filter(() => random.chance(0.5))) {
    const recruiter = random.pick(ring.recruiters);
    ctx.router.link(sources.police, {
      type: 'RECRUITED_BY',
      from: personRef(victim.person.policeId),
      to: personRef(recruiter.person.policeId),
    });
  }
}
