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
 * none of whom is a relative (MEDIUM). Records arrive out of order, so a new exit is judged
 * together with everyone who left through the same checkpoint within the window, whichever
 * batch brought them: an escort logged after the child raises the child's alert to CRITICAL.
 */
export async function minorExitFindings(
  tx: Transaction,
  event: ChangeEvent,
  facts: readonly Fact[],
  options: MinorExitOptions,
): Promise<Finding[]> {
  const exits = facts.flatMap((fact) => (fact.crossing?.direction === 'EXIT' ? [fact.crossing.id] : []));
  if (!exits.length) return [];
  const groups = await tx.run<CrossingGroup>('alerts/crossing-groups', {
    crossingIds: exits,
    windowMs: options.windowMs,
  });
  const judged = new Set<string>();
  const findings: Finding[] = [];
  for (const group of groups) {
    if (!group.checkpointCode && !LAND_BORDER_COUNTRIES.has(group.country)) continue;
    const ageOn = (t: Traveller) => (t.dateOfBirth ? ageAt(t.dateOfBirth, t.at) : null);
    const minors = group.people.filter((t) => {
      const age = ageOn(t);
      return age !== null && age < PROTECTED_AGE;
    });
    // Someone of unknown age counts as an adult: an escort's birth date is often not on record.
    const adults = group.people.filter((t) => {
      const age = ageOn(t);
      return age === null || age >= ADULT_AGE;
    });
    if (!minors.length) continue;
    const pairs = minors.flatMap((m) => adults.map((a) => [m.personId, a.personId]));
    const related = new Set(
      pairs.length
        ? (await tx.run<{ a: string; b: string }>('alerts/relatives-among', { pairs })).map((r) => `${r.a}|${r.b}`)
        : [],
    );
    for (const minor of minors) {
      if (judged.has(minor.crossingId)) continue;
      judged.add(minor.crossingId);
      const risky = adults.filter((a) => a.rings.length || a.suspect);
      const relatives = adults.filter((a) => related.has(`${minor.personId}|${a.personId}`));
      let severity: AlertSeverity;
      let company: string;
      if (risky.length) {
        severity = 'CRITICAL';
        company = `with ${risky.map(describeRisky).join(', ')}`;
      } else if (relatives.length) {
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
      const keys = await tx.run<{ key: string }>('alerts/agency-records', {
        ids: [minor.crossingId, ...risky.map((a) => a.crossingId)],
        source: event.source,
      });
      findings.push({
        rule: 'MINOR_BORDER_EXIT',
        severity,
        dedupeKey: `MINOR_BORDER_EXIT|${minor.crossingId}`,
        escalates: true,
        template: `${nameOf(minor.personId)} ${ageOf(minor.personId, age)} exited through ${group.checkpoint} to ${group.country} at ${localTime(minor.at)} ${company}; ${minor.returned ? 'an entry is on record since' : 'no entry since'}.`,
        entityIds: [minor.personId, minor.crossingId, ...new Set(others)],
        ringId,
        sourceKeys: keys.map((k) => k.key),
        watchers: [],
      });
    }
  }
  return findings;
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
