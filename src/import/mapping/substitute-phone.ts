import { createHash } from 'node:crypto';
import { normalizePhone } from '../../entities/normalize-phone.ts';

/**
 * Ofcom's numbers reserved for TV and radio drama (London 020 7946 0000-0999, Leeds 0113 496
 * 0xxx, and so on): never given to a subscriber, so a made-up number mapped here can never
 * point at a real person's phone. Only the blocks that libphonenumber reads as valid are used.
 */
const DRAMA_BLOCKS = [
  '+442079460',
  '+441134960',
  '+441144960',
  '+441164960',
  '+441174960',
  '+441184960',
  '+441214960',
  '+441314960',
  '+441414960',
  '+441514960',
  '+441614960',
  '+442896496',
  '+442920180',
  '+441914980',
];

let pool: string[] | undefined;

function dramaNumbers(): string[] {
  pool ??= DRAMA_BLOCKS.flatMap((block) =>
    Array.from({ length: 1000 }, (_, i) => `${block}${String(i).padStart(3, '0')}`),
  ).filter((number) => normalizePhone(number) === number);
  return pool;
}

export class PhoneSubstitutionError extends Error {
  override name = 'PhoneSubstitutionError';
}

/**
 * Gives each distinct undialable number a drama number: the slot its hash names, or the next
 * free one, taking the numbers in sorted order, so the same set of numbers gets the same
 * substitutes on every run whatever order the file lists them in.
 */
export function substitutePhones(numbers: Iterable<string>): Map<string, string> {
  const free = dramaNumbers();
  const distinct = [...new Set(numbers)].sort();
  if (distinct.length > free.length) {
    throw new PhoneSubstitutionError(
      `${distinct.length} undialable numbers, but only ${free.length} drama numbers to substitute them with`,
    );
  }
  const taken = new Set<number>();
  const out = new Map<string, string>();
  for (const number of distinct) {
    let slot = createHash('sha256').update(number).digest().readUInt32BE(0) % free.length;
    while (taken.has(slot)) slot = (slot + 1) % free.length;
    taken.add(slot);
    out.set(number, free[slot]!);
  }
  return out;
}
