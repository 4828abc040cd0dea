import { formatDateTime, minuteAt } from '../../format/calendar.ts';
import { licensedAgencyNames, unlicensedBrokerNames } from '../../vocab/organisations.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import { ensureLabourRecord, personRef } from '../source-records.ts';
import { sources } from '../sources.ts';
import type { RingDraft } from './ring-draft.ts';

/**
 * The front of a labour-export scam: either an agency whose licence the labour department revoked (it stays in
 * the department's register) or an unlicensed "job centre" known only to the police. The organiser runs it and
 * the victims are recruited through it.
 */
export function openScamBroker(ctx: ScenarioContext, ring: RingDraft): void {
  const { random } = ctx;
  const organiser = ring.organisers[0]?.person;
  if (!organiser) return;
  const revoked = random.chance(0.5);
  const source = revoked ? sources.labour : sources.police;
  const externalId = revoked ? ctx.ids.next('DN', 5) : ctx.ids.next('MG', 5);
  if (revoked) {
    ctx.router.broker(source, {
      externalId,
      name: `${random.pick(licensedAgencyNames)} (${ring.homeProvince.name})`,
      kind: 'LICENSED_AGENCY',
      licenseNumber: `${random.int(400, 999)}/LĐTBXH-GP`,
      licenseStatus: 'REVOKED',
    });
  } else {
    ctx.router.broker(source, {
      externalId,
      name: random.pick(unlicensedBrokerNames),
      kind: 'UNLICENSED',
      licenseStatus: 'NONE',
    });
  }
  ring.broker = revoked
    ? { source, externalId, kind: 'LICENSED_AGENCY', licenseStatus: 'REVOKED' }
    : { source, externalId, kind: 'UNLICENSED', licenseStatus: 'NONE' };

  const organiserId = revoked ? ensureLabourRecord(ctx, organiser) : organiser.policeId;
  ctx.router.link(source, { type: 'OPERATES', from: personRef(organiserId), to: { kind: 'BROKER', externalId } });
  for (const { person } of ring.victims) {
    // Victims of a revoked agency are on the labour department's books (contracts, complaints).
    const victimId = revoked ? ensureLabourRecord(ctx, person) : person.policeId;
    ctx.router.link(source, {
      type: 'RECRUITED_BY',
      from: personRef(victimId),
      to: { kind: 'BROKER', externalId },
      at: formatDateTime(minuteAt(ctx.referenceDay - random.int(60, 400), random.int(8, 18), random.int(0, 59))),
    });
  }
}
