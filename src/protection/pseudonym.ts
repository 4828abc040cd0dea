import { createHmac } from 'node:crypto';

/** The key of pseudonyms, derived from the server secret so that it never equals a token key. */
export function pseudonymKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('ringwatch pseudonym key v1').digest();
}

/**
 * A stable stand-in for a protected entity's name: the same entity always reads the same
 * ("Protected person 7F3A9C"), so an investigator can follow it across charts, but the id
 * cannot be recovered from it without the server secret.
 */
export function pseudonym(key: Buffer, kind: 'PERSON' | 'PHONE', id: string): string {
  const tag = createHmac('sha256', key).update(id).digest('hex').slice(0, 6).toUpperCase();
  return `${kind === 'PERSON' ? 'Protected person' : 'Protected phone'} ${tag}`;
}
