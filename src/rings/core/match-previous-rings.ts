import { createHash } from 'node:crypto';
import { compareIds } from './evidence-graph.ts';
import type { AnalystStatus, PreviousRing } from './types.ts';

export interface RingIdentity {
  id: string;
  continues?: { previousId: string; jaccard: number };
  status?: AnalystStatus;
  statusNote?: string;
}

/** A ring id derived from its members only, so the same data gives the same id on any machine. */
export function ringIdForMembers(memberEntityIds: readonly string[]): string {
  const sorted = [...memberEntityIds].sort(compareIds);
  return `ring-${createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 20)}`;
}

/**
 * Gives each new community (member entity ids) an id: that of the previous ring it most resembles when
 * the Jaccard similarity of their members reaches `threshold`, one to one, best pairs first, carrying the
 * analyst's status over; otherwise an id derived from its members. Current rings are matched first; a
 * community left without one may take back the id of a recently retired ring (`retired`), so a ring
 * that a run at another resolution split up gets its history back when it reappears.
 * Results are in the order of `communities`.
 */
export function matchPreviousRings(
  communities: readonly (readonly string[])[],
  previous: readonly PreviousRing[],
  threshold: number,
): RingIdentity[] {
  const previousSets = previous.map((ring) => new Set(ring.memberEntityIds));
  const ringsOfEntity = new Map<string, number[]>();
  previousSets.forEach((members, ring) => {
    for (const entity of members) ringsOfEntity.set(entity, [...(ringsOfEntity.get(entity) ?? []), ring]);
  });

  const candidates: { community: number; previous: number; retired: boolean; jaccard: number }[] = [];
  communities.forEach((members, community) => {
    const unique = new Set(members);
    const overlaps = new Map<number, number>();
    for (const entity of unique) {
      for (const ring of ringsOfEntity.get(entity) ?? []) overlaps.set(ring, (overlaps.get(ring) ?? 0) + 1);
    }
    for (const [ring, overlap] of overlaps) {
      const jaccard = overlap / (unique.size + previousSets[ring]!.size - overlap);
      if (jaccard >= threshold) {
        candidates.push({ community, previous: ring, retired: previous[ring]!.retired === true, jaccard });
      }
    }
  });
  // Current rings before retired ones, then best match first; ties broken by ids so the outcome
  // never depends on input order.
  const firstMember = communities.map((members) => [...members].sort(compareIds)[0] ?? '');
  candidates.sort(
    (a, b) =>
      Number(a.retired) - Number(b.retired) ||
      b.jaccard - a.jaccard ||
      compareIds(previous[a.previous]!.id, previous[b.previous]!.id) ||
      compareIds(firstMember[a.community]!, firstMember[b.community]!),
  );

  const identities: (RingIdentity | undefined)[] = communities.map(() => undefined);
  const takenPrevious = new Set<number>();
  const usedIds = new Set<string>();
  for (const candidate of candidates) {
    if (identities[candidate.community] !== undefined || takenPrevious.has(candidate.previous)) continue;
    const ring = previous[candidate.previous]!;
    takenPrevious.add(candidate.previous);
    usedIds.add(ring.id);
    identities[candidate.community] = {
      id: ring.id,
      continues: { previousId: ring.id, jaccard: candidate.jaccard },
      ...(ring.status !== undefined ? { status: ring.status } : {}),
      ...(ring.statusNote !== undefined ? { statusNote: ring.statusNote } : {}),
    };
  }
  // Previous ids that found no successor stay reserved: a new ring must not take over a retired one's history.
  for (const ring of previous) usedIds.add(ring.id);

  return communities.map((members, community) => {
    const inherited = identities[community];
    if (inherited !== undefined) return inherited;
    const base = ringIdForMembers(members);
    let id = base;
    for (let suffix = 2; usedIds.has(id); suffix++) id = `${base}-${suffix}`;
    usedIds.add(id);
    return { id };
  });
}
