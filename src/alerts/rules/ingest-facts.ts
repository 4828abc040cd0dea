import type { ChangeEvent } from '../../changes/change-event.ts';
import type { NewCrossing, NewLink } from '../../ingest/ingest-batch.ts';

/** A new fact of an ingest: a crossing record or a link (or a changed case role) that the store did not hold. */
export interface Fact {
  entityIds: string[];
  kind: 'crossing' | 'link';
  crossing?: NewCrossing;
  link?: NewLink;
}

export function factsOf(event: ChangeEvent): Fact[] {
  const payload = event.payload as { crossings?: NewCrossing[]; links?: NewLink[] };
  return [
    ...(payload.crossings ?? []).map((crossing): Fact => ({
      kind: 'crossing',
      entityIds: [crossing.personId, crossing.id],
      crossing,
    })),
    ...(payload.links ?? []).map((link): Fact => ({ kind: 'link', entityIds: [link.fromId, link.toId], link })),
  ];
}

const LINK_WORDS: Record<string, string> = {
  USES_PHONE: 'uses the phone',
  CALLED: 'called',
  RECRUITED_BY: 'was recruited by',
  KNOWS: 'knows',
  RELATIVE_OF: 'is a relative of',
  INVOLVED_IN: 'is in the case',
  OPERATES: 'operates',
};

/** The fact in words, names as placeholders. */
export function describeFact(fact: Fact, name: (id: string) => string): string {
  if (fact.crossing) {
    const c = fact.crossing;
    return `${name(c.personId)} ${c.direction === 'EXIT' ? 'exited' : 'entered'} at ${new Date(c.atMillis).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  }
  const link = fact.link!;
  const role = link.type === 'INVOLVED_IN' && link.role ? ` as ${link.role.toLowerCase().replace('_', ' ')}` : '';
  return `${name(link.fromId)} ${LINK_WORDS[link.type] ?? link.type}${role} ${name(link.toId)}`;
}
