import type { EntityRecord } from '../entities/entity-records.ts';
import type { Clearance } from '../auth/roles.ts';
import type { Protection } from './protection-reader.ts';
import { pseudonym } from './pseudonym.ts';

/** True when the viewer lacks a clearance the protection calls for. */
export function mustMask(protection: Protection | undefined, clearance: ReadonlySet<Clearance>): boolean {
  if (!protection) return false;
  return (protection.minor && !clearance.has('minors')) || (protection.victim && !clearance.has('victims'));
}

/**
 * The record as a viewer without clearance sees it: name replaced by the pseudonym, birth date
 * and documents removed, a phone's number replaced; everything else (kind, id, links) stays.
 */
export function maskEntity<T extends EntityRecord>(record: T, key: Buffer): T {
  switch (record.kind) {
    case 'PERSON':
      return { ...record, fullName: pseudonym(key, 'PERSON', record.id), dateOfBirth: null, documentNumbers: [] };
    case 'PHONE':
      return { ...record, e164: pseudonym(key, 'PHONE', record.id) };
    default:
      return record;
  }
}
