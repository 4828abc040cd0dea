import type { EntityRecord, SourceRef } from '../entities/entity-records.ts';
import type { Clearance } from '../auth/roles.ts';
import type { Protection } from './protection-reader.ts';
import { pseudonym, recordPseudonym } from './pseudonym.ts';

/** True when the viewer lacks a clearance the protection calls for. */
export function mustMask(protection: Protection | undefined, clearance: ReadonlySet<Clearance>): boolean {
  if (!protection) return false;
  return (protection.minor && !clearance.has('minors')) || (protection.victim && !clearance.has('victims'));
}

/**
 * An agency's record key can identify: a phone's records are keyed by its number, and a person's
 * externalId finds her record through entity(ref:). The agency stays; the key becomes a pseudonym.
 */
function maskSources(key: Buffer, sources: readonly SourceRef[]): SourceRef[] {
  return sources.map((s) => ({ ...s, externalId: recordPseudonym(key, s.source, s.externalId) }));
}

/**
 * The record as a viewer without clearance sees it: name replaced by the pseudonym, birth date
 * and documents removed, a phone's number replaced, its agency records' keys replaced; everything
 * else (kind, id, links, agencies) stays.
 */
export function maskEntity<T extends EntityRecord>(record: T, key: Buffer): T {
  switch (record.kind) {
    case 'PERSON':
      return {
        ...record,
        fullName: pseudonym(key, 'PERSON', record.id),
        dateOfBirth: null,
        documentNumbers: [],
        sources: maskSources(key, record.sources),
      };
    case 'PHONE':
      return { ...record, e164: pseudonym(key, 'PHONE', record.id), sources: maskSources(key, record.sources) };
    default:
      return record;
  }
}
