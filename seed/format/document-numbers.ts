import type { Sex } from '../ingest-types.ts';

// Document numbers are derived from the person's scenario key through a fixed permutation, so they are
// distinct without a lookup table and still look random.

function permute(value: number, modulus: number): number {
  return Number((BigInt(value) * 7_919_113n + 3_141_593n) % BigInt(modulus));
}

/** A 12-digit citizen id (CCCD): province code, century-and-sex digit, year of birth, serial. */
export function citizenIdNumber(personKey: number, provinceCode: string, sex: Sex, birthYear: number): string {
  const female = sex === 'FEMALE' ? 1 : 0;
  const centuryAndSex = (birthYear >= 2000 ? 2 : 0) + female;
  const serial = String(permute(personKey, 1_000_000)).padStart(6, '0');
  return `CCCD:${provinceCode}${centuryAndSex}${String(birthYear % 100).padStart(2, '0')}${serial}`;
}

/** A Vietnamese passport number: one letter and seven digits. */
export function passportNumber(personKey: number): string {
  const letters = ['C', 'N', 'P'] as const;
  const letter = letters[personKey % letters.length] ?? 'C';
  return `PP:${letter}${String(permute(personKey, 10_000_000)).padStart(7, '0')}`;
}
