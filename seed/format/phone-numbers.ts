import type { Random } from '../prng.ts';

// Mobile prefixes that libphonenumber-js (max metadata, as the service uses) accepts as Vietnamese mobiles.
// 089 is left out: only part of its range is allocated.
const mobilePrefixes = [
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '70',
  '76',
  '77',
  '78',
  '79',
  '81',
  '82',
  '83',
  '84',
  '85',
  '86',
  '88',
  '90',
  '91',
  '93',
  '94',
  '96',
  '97',
  '98',
  '56',
  '58',
] as const;

const subscriberSpace = 10_000_000;
const numberSpace = BigInt(mobilePrefixes.length * subscriberSpace);

function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  return b === 0n ? a : greatestCommonDivisor(b, a % b);
}

/**
 * Hands out distinct mobile numbers without remembering them: the n-th number is an affine permutation of n over
 * all (prefix, subscriber) pairs, so the bench scenario needs no set of a million numbers to avoid collisions.
 */
export function createPhoneNumberAllocator(random: Random): () => string {
  let multiplier = BigInt(random.int(100_000_000, 280_000_000));
  while (greatestCommonDivisor(multiplier, numberSpace) !== 1n) multiplier += 1n;
  const offset = BigInt(random.int(0, Number(numberSpace) - 1));
  let issued = 0n;
  return () => {
    if (issued >= numberSpace) throw new RangeError('phone number space exhausted');
    const slot = Number((issued * multiplier + offset) % numberSpace);
    issued += 1n;
    const prefix = mobilePrefixes[slot % mobilePrefixes.length] ?? '91';
    const subscriber = Math.floor(slot / mobilePrefixes.length);
    return `0${prefix}${String(subscriber).padStart(7, '0')}`;
  };
}

export type PhoneStyle =
  'national-spaced' | 'international-spaced' | 'parenthesised-dots' | 'international-dashes' | 'e164' | 'national';

/** Writes a national number "0912345678" the way a clerk or a system might: "+84 912 345 678", "(+84) 912.345.678"... */
export function writePhone(national: string, style: PhoneStyle): string {
  const digits = national.slice(1);
  const a = digits.slice(0, 3);
  const b = digits.slice(3, 6);
  const c = digits.slice(6);
  switch (style) {
    case 'national-spaced':
      return `0${a} ${b} ${c}`;
    case 'international-spaced':
      return `+84 ${a} ${b} ${c}`;
    case 'parenthesised-dots':
      return `(+84) ${a}.${b}.${c}`;
    case 'international-dashes':
      return `+84-${a}-${b}-${c}`;
    case 'e164':
      return `+84${digits}`;
    case 'national':
      return national;
  }
}
