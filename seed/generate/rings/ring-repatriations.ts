import type { ScenarioContext } from '../scenario-context.ts';
import { openRepatriationRecord, personRef } from '../source-records.ts';
import { sources } from '../sources.ts';
import type { RingDraft } from './ring-draft.ts';

/**
 * Some victims who left long enough ago are brought home by foreign affairs; in the interview they name their
 * recruiter, whom foreign affairs refers to by the police registry record (a cross-source reference).
 */
export function repatriateSomeVictims(ctx: ScenarioContext, ring: RingDraft): void {
  const { random } = ctx;
  for (const { victim, day } of ring.exits) {
    if (day > ctx.referenceDay - 90 || !random.chance(0.35)) continue;
    const fileId = openRepatriationRecord(ctx, victim.person);
    const recruiter = ring.recruiters.length > 0 ? random.pick(ring.recruiters) : undefined;
    if (recruiter && random.chance(0.5)) {
      ctx.router.link(sources.foreignAffairs, {
        type: 'RECRUITED_BY',
        from: personRef(fileId),
        to: personRef(recruiter.person.policeId, sources.police),
      });
    }
  }
}
