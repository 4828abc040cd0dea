import { licensedAgencyNames } from '../vocab/organisations.ts';
import { createHousehold } from './households.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { ensureLabourRecord, personRef, sendPhone } from './source-records.ts';
import { sources } from './sources.ts';

/** The labour department's register of licensed labour-export agencies, each run by an ordinary resident. */
export function createLicensedAgencies(ctx: ScenarioContext): void {
  const { random } = ctx;
  for (let i = 0; i < ctx.options.licensedAgencies; i += 1) {
    const brokerId = ctx.ids.next('DN', 5);
    const baseName = licensedAgencyNames[i % licensedAgencyNames.length] ?? 'Công ty Nhân lực';
    const name =
      i < licensedAgencyNames.length
        ? baseName
        : `${baseName} - Chi nhánh ${Math.floor(i / licensedAgencyNames.length) + 1}`;
    ctx.router.broker(sources.labour, {
      externalId: brokerId,
      name,
      kind: 'LICENSED_AGENCY',
      licenseNumber: `${random.int(10, 399)}/LĐTBXH-GP`,
      licenseStatus: 'ACTIVE',
    });
    const officePhone = sendPhone(ctx, sources.labour, ctx.newPhoneNumber());
    ctx.router.link(sources.labour, {
      type: 'USES_PHONE',
      from: { kind: 'BROKER', externalId: brokerId },
      to: officePhone,
    });
    const { anchor: director } = createHousehold(ctx, {
      age: random.int(38, 60),
      sex: random.chance(0.7) ? 'MALE' : 'FEMALE',
    });
    if (director) {
      const directorId = ensureLabourRecord(ctx, director);
      ctx.router.link(sources.labour, {
        type: 'OPERATES',
        from: personRef(directorId),
        to: { kind: 'BROKER', externalId: brokerId },
      });
    }
    ctx.agencies.push({ brokerId, weight: random.int(1, 5) });
  }
}
