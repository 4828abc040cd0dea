import { entityLabel, type EntityRecord } from '../entities/entity-records.ts';
import type { ProtectionView } from '../protection/protection-view.ts';
import { PLACEHOLDER } from './summary-template.ts';

/** The ids an alert's summary names. */
export function namedIds(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[2]!))];
}

/**
 * An alert's summary for one viewer: names are the labels of the entities as this viewer's
 * protection view gives them (a protected person without clearance: the pseudonym), a protected
 * person's age is left out, and phone numbers in the text pass through the same view.
 */
export async function renderSummary(
  template: string,
  entities: ReadonlyMap<string, EntityRecord>,
  protection: ProtectionView,
): Promise<string> {
  const masked = await protection.maskedIds(namedIds(template));
  const text = template.replace(PLACEHOLDER, (_, what: string, id: string, age: string | undefined) => {
    if (what === 'age') return masked.has(id) ? '(under 16)' : `(${age ?? '?'})`;
    const entity = entities.get(id);
    return entity ? entityLabel(entity) : 'an entity no longer on record';
  });
  return protection.text(text);
}
