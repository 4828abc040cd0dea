import type { ChangeEvent } from '../../changes/change-event.ts';
import type { Transaction } from '../../db/database.ts';
import type { Finding } from '../alert-writer.ts';
import { nameOf, plural } from '../summary-template.ts';
import { describeFact, type Fact } from './ingest-facts.ts';

/** At most this many facts are spelled out in one summary; the rest are counted. */
const SHOWN_FACTS = 5;

function listFacts(facts: readonly Fact[]): string {
  const shown = facts.slice(0, SHOWN_FACTS).map((fact) => describeFact(fact, nameOf));
  const more = facts.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

async function agencyRecords(tx: Transaction, event: ChangeEvent, ids: readonly string[]): Promise<string[]> {
  const rows = await tx.run<{ key: string }>('alerts/agency-records', { ids: [...new Set(ids)], source: event.source });
  return rows.map((row) => row.key);
}

/**
 * WATCHED_ENTITY_ACTIVITY: a new record touches an entity someone watches (one alert per
 * entity and batch, reaching the watches' owners). RING_MEMBER_ACTIVITY: a new record touches a
 * member of a current ring that is not dismissed (the ring's open alert takes it while open).
 */
export async function activityFindings(
  tx: Transaction,
  event: ChangeEvent,
  facts: readonly Fact[],
): Promise<Finding[]> {
  if (!facts.length) return [];
  const ids = [...new Set(facts.flatMap((fact) => fact.entityIds))];
  const findings: Finding[] = [];

  const watchers = new Map(
    (await tx.run<{ id: string; owners: string[] }>('alerts/watchers-of', { ids })).map((row) => [row.id, row.owners]),
  );
  for (const [id, owners] of watchers) {
    const touching = facts.filter((fact) => fact.entityIds.includes(id));
    const involved = touching.flatMap((fact) => fact.entityIds);
    findings.push({
      rule: 'WATCHED_ENTITY_ACTIVITY',
      severity: 'MEDIUM',
      dedupeKey: `WATCHED_ENTITY_ACTIVITY|${id}|${event.seq}`,
      template: `${nameOf(id)}, whom you watch, appears in ${plural(touching.length, 'new record')} from ${event.source ?? 'an agency'}: ${listFacts(touching)}.`,
      entityIds: [id, ...involved],
      ringId: null,
      sourceKeys: await agencyRecords(tx, event, involved),
      watchers: owners,
    });
  }

  const memberships = await tx.run<{ id: string; ringId: string; score: number; role: string }>(
    'alerts/ring-members-among',
    { ids },
  );
  const byRing = new Map<string, { score: number; members: Map<string, string> }>();
  for (const m of memberships) {
    const ring = byRing.get(m.ringId) ?? { score: m.score, members: new Map<string, string>() };
    ring.members.set(m.id, m.role);
    byRing.set(m.ringId, ring);
  }
  if (!byRing.size) return findings;
  const ringWatchers = new Map(
    (await tx.run<{ id: string; owners: string[] }>('alerts/watchers-of', { ids: [...byRing.keys()] })).map((row) => [
      row.id,
      row.owners,
    ]),
  );
  for (const [ringId, ring] of byRing) {
    const touching = facts.filter((fact) => fact.entityIds.some((id) => ring.members.has(id)));
    const members = [...ring.members].map(([id, role]) => `${nameOf(id)} (${role})`);
    const involved = touching.flatMap((fact) => fact.entityIds);
    findings.push({
      rule: 'RING_MEMBER_ACTIVITY',
      severity: ring.score >= 80 ? 'HIGH' : 'MEDIUM',
      dedupeKey: `RING_MEMBER_ACTIVITY|${ringId}|${event.seq}`,
      openRingKey: `RING_MEMBER_ACTIVITY|${ringId}`,
      template: `${plural(touching.length, 'new record')} from ${event.source ?? 'an agency'} touch ${plural(members.length, 'member')} of ring ${ringId} (score ${Math.round(ring.score)}): ${members.slice(0, SHOWN_FACTS).join(', ')}. ${listFacts(touching)}.`,
      entityIds: [...ring.members.keys(), ...involved],
      ringId,
      sourceKeys: await agencyRecords(tx, event, involved),
      watchers: [
        ...(ringWatchers.get(ringId) ?? []),
        ...[...ring.members.keys()].flatMap((id) => watchers.get(id) ?? []),
      ],
    });
  }
  return findings;
}
