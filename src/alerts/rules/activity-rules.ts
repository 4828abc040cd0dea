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

/**
 * WATCHED_ENTITY_ACTIVITY: a new record touches an entity someone watches (one alert per
 * entity and batch, reaching the watches' owners). RING_MEMBER_ACTIVITY: a new record touches a
 * member of a current ring that is not dismissed (the ring's open alert takes it while open).
 * A batch of thousands of records costs a fixed number of statements, whatever it finds.
 */
export async function activityFindings(
  tx: Transaction,
  event: ChangeEvent,
  facts: readonly Fact[],
): Promise<Finding[]> {
  if (!facts.length) return [];
  const ids = [...new Set(facts.flatMap((fact) => fact.entityIds))];
  // Each entity's facts by position, so a finding lists the facts that touch it in batch order.
  const factsOf = new Map<string, number[]>();
  facts.forEach((fact, position) => {
    for (const id of new Set(fact.entityIds)) {
      const positions = factsOf.get(id);
      if (positions) positions.push(position);
      else factsOf.set(id, [position]);
    }
  });
  const touching = (entityIds: Iterable<string>): Fact[] =>
    [...new Set([...entityIds].flatMap((id) => factsOf.get(id) ?? []))].sort((a, b) => a - b).map((i) => facts[i]!);
  const found: { finding: Omit<Finding, 'sourceKeys'>; involved: string[] }[] = [];

  const watchers = new Map(
    (await tx.run<{ id: string; owners: string[] }>('alerts/watchers-of', { ids })).map((row) => [row.id, row.owners]),
  );
  for (const [id, owners] of watchers) {
    const touched = touching([id]);
    const involved = touched.flatMap((fact) => fact.entityIds);
    found.push({
      involved,
      finding: {
        rule: 'WATCHED_ENTITY_ACTIVITY',
        severity: 'MEDIUM',
        dedupeKey: `WATCHED_ENTITY_ACTIVITY|${id}|${event.seq}`,
        template: `${nameOf(id)}, whom you watch, appears in ${plural(touched.length, 'new record')} from ${event.source ?? 'an agency'}: ${listFacts(touched)}.`,
        entityIds: [id, ...involved],
        ringId: null,
        watchers: owners,
      },
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
  const ringWatchers = new Map(
    byRing.size
      ? (await tx.run<{ id: string; owners: string[] }>('alerts/watchers-of', { ids: [...byRing.keys()] })).map(
          (row) => [row.id, row.owners],
        )
      : [],
  );
  for (const [ringId, ring] of byRing) {
    const touched = touching(ring.members.keys());
    const members = [...ring.members].map(([id, role]) => `${nameOf(id)} (${role})`);
    const involved = touched.flatMap((fact) => fact.entityIds);
    found.push({
      involved,
      finding: {
        rule: 'RING_MEMBER_ACTIVITY',
        severity: ring.score >= 80 ? 'HIGH' : 'MEDIUM',
        dedupeKey: `RING_MEMBER_ACTIVITY|${ringId}|${event.seq}`,
        openRingKey: `RING_MEMBER_ACTIVITY|${ringId}`,
        template: `${plural(touched.length, 'new record')} from ${event.source ?? 'an agency'} touch ${plural(members.length, 'member')} of ring ${ringId} (score ${Math.round(ring.score)}): ${members.slice(0, SHOWN_FACTS).join(', ')}. ${listFacts(touched)}.`,
        entityIds: [...ring.members.keys(), ...involved],
        ringId,
        watchers: [
          ...(ringWatchers.get(ringId) ?? []),
          ...[...ring.members.keys()].flatMap((id) => watchers.get(id) ?? []),
        ],
      },
    });
  }
  if (!found.length) return [];

  // The records that raised each alert: the agency's own records of the entities involved.
  const keysOf = new Map(
    (
      await tx.run<{ id: string; keys: string[] }>('alerts/agency-records-of', {
        ids: [...new Set(found.flatMap(({ involved }) => involved))],
        source: event.source,
      })
    ).map((row) => [row.id, row.keys]),
  );
  return found.map(({ finding, involved }) => ({
    ...finding,
    sourceKeys: [...new Set(involved.flatMap((id) => keysOf.get(id) ?? []))],
  }));
}
