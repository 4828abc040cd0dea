import { createHmac } from 'node:crypto';

/** The key of pseudonyms, derived from the server secret so that it never equals a token key. */
export function pseudonymKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('ringwatch pseudonym key v1').digest();
}

function tag(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex').slice(0, 6).toUpperCase();
}

/**
 * A stable stand-in for a protected entity's name: the same entity always reads the same
 * ("Protected person 7F3A9C"), so an investigator can follow it across charts, but the id
 * cannot be recovered from it without the server secret.
 */
export function pseudonym(key: Buffer, kind: 'PERSON' | 'PHONE', id: string): string {
  return `${kind === 'PERSON' ? 'Protected person' : 'Protected phone'} ${tag(key, id)}`;
}

/**
 * A stand-in for the key of a protected entity's agency record ("Protected record 4D2E8A"):
 * stable, distinct per record, and not a guess that can be checked without the server secret.
 * The input is kept apart from entity ids ("record" and a separator) so no tag equals an entity's.
 */
export function recordPseudonym(key: Buffer, source: string, externalId: string): string {
  return `Protected record ${tag(key, `record\u0000${source}\u0000${externalId}`)}`;
}
