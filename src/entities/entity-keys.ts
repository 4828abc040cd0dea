import { createHash } from 'node:crypto';
import type { EntityKind } from './entity-records.ts';

const ID_PREFIX: Record<EntityKind, string> = {
  PERSON: 'per',
  PHONE: 'pho',
  BROKER: 'bro',
  BORDER_CROSSING: 'crs',
  CASE: 'cas',
  CHECKPOINT: 'chk',
};

/**
 * The key of one agency's record: (kind, source, externalId). Upserts merge on it, so
 * re-sending a record never creates a second entity.
 */
export function sourceKey(kind: EntityKind, source: string, externalId: string): string {
  return `${kind}|${source}|${externalId}`;
}

/**
 * How links and crossings name an entity. A phone is the same phone whoever sends it, so
 * its reference drops the source; the rest are named by their record's key.
 */
export function refKey(kind: EntityKind, source: string, externalId: string): string {
  return kind === 'PHONE' ? `PHONE||${externalId}` : sourceKey(kind, source, externalId);
}

/**
 * The id an entity gets when its first record arrives: derived from that record's key,
 * so concurrent senders of the same record agree on it without coordination.
 */
export function entityId(kind: EntityKind, key: string): string {
  return `${ID_PREFIX[kind]}_${createHash('sha256').update(key).digest('base64url').slice(0, 22)}`;
}

/**
 * The id of the entity a reference key names in a store where no record was merged into
 * another entity (a new store, as a bulk load fills): the id its first record derives.
 */
export function derivedIdOf(refKey: string): string {
  if (refKey.startsWith('PHONE||')) return entityId('PHONE', refKey);
  return entityId(refKey.slice(0, refKey.indexOf('|')) as EntityKind, refKey);
}
