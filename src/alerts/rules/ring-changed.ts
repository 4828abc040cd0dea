import type { ChangeEvent } from '../../changes/change-event.ts';
import type { Transaction } from '../../db/database.ts';
import { minorBornAfter, protectedFrom, type ProtectedEntitiesRow } from '../../protection/protection-reader.ts';
import type { RingChange } from '../../rings/detection-thread/run-detection.ts';
import type { AlertSeverity } from '../alert-records.ts';
import type { Finding } from '../alert-writer.ts';
import { nameOf, plural } from '../summary-template.ts';

/** A score this much higher than the ring's previous one is news. */
const SCORE_RISE = 10;

/**
 * RING_CHANGED: a detection run found a ring, added members (minors and victims above all) to
 * one, or raised its score by 10 points or more. A run that changes nothing raises nothing, and
 * while a ring's alert is open a new change updates it.
 */
export async function ringChangedFindings(tx: Transaction, event: ChangeEvent, now: Date): Promise<Finding[]> {
  const rings = ((event.payload as { rings?: RingChange[] }).rings ?? []).filter((r) => r.status !== 'DISMISSED');
  const changed = rings.filter(
    (r) => r.previousScore === null || r.addedMemberIds.length > 0 || r.score - r.previousScore >= SCORE_RISE,
  );
  if (!changed.length) return [];
  const added = [...new Set(changed.flatMap((r) => r.addedMemberIds))];
  // The statement's row is read by the protection's own rule: protection follows the person.
  const protectedRows = added.length
    ? protectedFrom(
        (
          await tx.run<ProtectedEntitiesRow>('protection/protected-entities', {
            ids: added,
            numbers: [],
            minorBornAfter: minorBornAfter(now),
          })
        )[0],
      )
    : [];
  const minors = new Set(protectedRows.filter((r) => r.minor).map((r) => r.id));
  const victims = new Set(protectedRows.filter((r) => r.victim).map((r) => r.id));
  const owners = new Map(
    (await tx.run<{ id: string; owners: string[] }>('alerts/watchers-of', { ids: changed.map((r) => r.id) })).map(
      (row) => [row.id, row.owners],
    ),
  );
  return changed.map((ring): Finding => {
    const addedMinors = ring.addedMemberIds.filter((id) => minors.has(id));
    const addedVictims = ring.addedMemberIds.filter((id) => victims.has(id) && !minors.has(id));
    const parts: string[] = [];
    if (ring.previousScore === null) parts.push(`was found with ${plural(ring.memberCount, 'member')}`);
    else if (ring.addedMemberIds.length) parts.push(`gained ${plural(ring.addedMemberIds.length, 'member')}`);
    if (addedMinors.length)
      parts.push(
        `${plural(addedMinors.length, 'child', 'children')} under 16 among them (${addedMinors.slice(0, 3).map(nameOf).join(', ')})`,
      );
    if (addedVictims.length)
      parts.push(
        `${plural(addedVictims.length, 'victim')} among them (${addedVictims.slice(0, 3).map(nameOf).join(', ')})`,
      );
    const score = Math.round(ring.score);
    const scoreText =
      ring.previousScore === null ? `score ${score}` : `score ${Math.round(ring.previousScore)} → ${score}`;
    const severity: AlertSeverity =
      addedMinors.length || addedVictims.length ? (score >= 80 ? 'CRITICAL' : 'HIGH') : score >= 80 ? 'HIGH' : 'MEDIUM';
    return {
      rule: 'RING_CHANGED',
      severity,
      dedupeKey: `RING_CHANGED|${ring.id}|${event.seq}`,
      openRingKey: `RING_CHANGED|${ring.id}`,
      template: `Ring ${ring.id} ${parts.length ? parts.join('; ') : 'rose in score'} (${scoreText}) in detection run ${event.batchId}.`,
      entityIds: ring.addedMemberIds.slice(0, 100),
      ringId: ring.id,
      sourceKeys: [],
      watchers: owners.get(ring.id) ?? [],
    };
  });
}
