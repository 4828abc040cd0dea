import type { ChangeEvent } from '../../changes/change-event.ts';
import type { Transaction } from '../../db/database.ts';
import { PROTECTED_AGE } from '../../protection/protection-reader.ts';
import type { AlertSeverity } from '../alert-records.ts';
import type { Finding } from '../alert-writer.ts';
import { ageAt, ageOf, localTime, nameOf } from '../summary-template.ts';
import type { Fact } from './ingest-facts.ts';

/** Countries across Vietnam's land borders: an exit towards them is a land-border exit. */
const LAND_BORDER_COUNTRIES = new Set(['CN', 'LA', 'KH']);
const ADULT_AGE = 18;

export interface MinorExitOptions {
  /** Crossings at one checkpoint this close together count as travelling together. */
  windowMs: number;
}

interface Traveller {
  crossingId: string;
  personId: string;
  at: string;
  atMillis: number;
  dateOfBirth: string | null;
  rings: { ringId: string; role: string; score: number }[];
  suspect: boolean;
  returned: boolean;
}

interface CrossingGroup {
  crossingId: string;
  checkpoint: string;
  checkpointCode: string | null;
  country: string;
  people: Traveller[];
}

/**
 * MINOR_BORDER_EXIT: a person under 16 exits through a land border with an adult who is a ring
 * member or a case suspect (CRITICAL), or with no adult relative: alone (HIGH) or with adults
 * none of whom is a relative (MEDIUM). Records arrive out of order, so each minor's exit within
 * the window of a new exit at its checkpoint, whichever batch brought it, is judged again with
 * everyone who left there within the window of the minor's own exit: an escort logged after the
 * child raises the child's alert to CRITICAL. The minors are found first, so a batch of adults
 * at a busy checkpoint costs a light read and nothing more.
 */
export async function minorExitFindings(
  tx: Transaction,
  event: ChangeEvent,
  facts: readonly Fact[],
  options: MinorExitOptions,
): Promise<Finding[]> {
  const exits = facts.flatMap((fact) => (fact.crossing?.direction === 'EXIT' ? [fact.crossing.id] : []));
  if (!exits.length) return [];
  const isMinorOn = (dateOfBirth: string | null, at: string) => {
    const age = dateOfBirth ? ageAt(dateOfBirth, at) : null;
    return age !== null && age < PROTECTED_AGE;
  };
  const near = await tx.run<{ crossingId: string; at: string; dateOfBirth: string | null }>('alerts/exits-near', {
    crossingIds: exits,
    windowMs: options.windowMs,
  });
  const minorExits = [...new Set(near.filter((c) => isMinorOn(c.dateOfBirth, c.at)).map((c) => c.crossingId))];
  if (!minorExits.length) return [];
  const groups = await tx.run<CrossingGroup>('alerts/crossing-groups', {
    crossingIds: minorExits,
    windowMs: options.windowMs,
  });
  const ageOn = (t: Traveller) => (t.dateOfBirth ? ageAt(t.dateOfBirth, t.at) : null);
  // Someone of unknown age counts as an adult: an escort's birth date is often not on record.
  const isAdult = (t: Traveller) => {
    const age = ageOn(t);
    return age === null || age >= ADULT_AGE;
  };
  const judgedGroups = groups.filter((group) => group.checkpointCode || LAND_BORDER_COUNTRIES.has(group.country));
  const minorOf = (group: CrossingGroup) => group.people.find((t) => t.crossingId === group.crossingId);
  // One read for the whole step: each minor's relatives on record.
  const minorIds = [...new Set(judgedGroups.flatMap((group) => minorOf(group)?.personId ?? []))];
  const relativesOf = new Map(
    minorIds.length
      ? (await tx.run<{ personId: string; relatives: string[] }>('alerts/relatives-of', { personIds: minorIds })).map(
          (row) => [row.personId, new Set(row.relatives)],
        )
      : [],
  );

  const found: { minor: Traveller; risky: Traveller[]; finding: Omit<Finding, 'sourceKeys'> }[] = [];
  for (const group of judgedGroups) {
    const minor = minorOf(group);
    if (!minor) continue;
    const adults = group.people.filter(isAdult);
    const risky = adults.filter((a) => a.rings.length || a.suspect);
    const relatives = relativesOf.get(minor.personId);
    let severity: AlertSeverity;
    let company: string;
    if (risky.length) {
      severity = 'CRITICAL';
      company = `with ${risky.map(describeRisky).join(', ')}`;
    } else if (adults.some((a) => relatives?.has(a.personId))) {
      continue;
    } else if (adults.length) {
      severity = 'MEDIUM';
      company = `with ${adults.length === 1 ? 'an adult' : `${adults.length} adults`} none of whom is a relative on record (${adults
        .slice(0, 3)
        .map((a) => nameOf(a.personId))
        .join(', ')})`;
    } else {
      severity = 'HIGH';
      company = 'with no adult';
    }
    const age = ageOn(minor)!;
    const others = [...risky, ...adults].map((t) => t.personId);
    const ringId = risky.flatMap((a) => a.rings.map((r) => r.ringId))[0] ?? null;
    found.push({
      minor,
      risky,
      finding: {
        rule: 'MINOR_BORDER_EXIT',
        severity,
        dedupeKey: `MINOR_BORDER_EXIT|${minor.crossingId}`,
        escalates: true,
        template: `${nameOf(minor.personId)} ${ageOf(minor.personId, age)} exited through ${group.checkpoint} to ${group.country} at ${localTime(minor.at)} ${company}; ${minor.returned ? 'an entry is on record since' : 'no entry since'}.`,
        entityIds: [minor.personId, minor.crossingId, ...new Set(others)],
        ringId,
        watchers: [],
      },
    });
  }
  if (!found.length) return [];
  // The records that raised each alert: the agency's records of the minor's crossing and of the risky adults'.
  const crossingIds = [
    ...new Set(found.flatMap(({ minor, risky }) => [minor.crossingId, ...risky.map((a) => a.crossingId)])),
  ];
  const keysOf = new Map(
    (
      await tx.run<{ id: string; keys: string[] }>('alerts/agency-records-of', {
        ids: crossingIds,
        source: event.source,
      })
    ).map((row) => [row.id, row.keys]),
  );
  return found.map(({ minor, risky, finding }) => ({
    ...finding,
    sourceKeys: [...new Set([minor, ...risky].flatMap((t) => keysOf.get(t.crossingId) ?? []))],
  }));
}

function describeRisky(adult: Traveller): string {
  const ring = adult.rings[0];
  if (ring)
    return `${nameOf(adult.personId)}, ${article(ring.role)} ${ring.role} of ring ${ring.ringId} (score ${Math.round(ring.score)})`;
  return `${nameOf(adult.personId)}, a suspect in a case`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
