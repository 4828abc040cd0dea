import type { Random } from '../prng.ts';

export interface PersonName {
  family: string;
  middle: string;
  given: string;
}

export function canonicalFullName(name: PersonName): string {
  return `${name.family} ${name.middle} ${name.given}`;
}

/** "Nguyễn Văn Đức" -> "Nguyen Van Duc": đ is a letter of its own, not a d with a mark, so NFD alone misses it. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** "Hung Nguyen Van": given name first, as in foreign documents and some agencies' forms. */
export function givenNameFirst(name: PersonName): string {
  return `${name.given} ${name.family} ${name.middle}`;
}

/** One clerical slip: a dropped, doubled or swapped letter in the given name. */
export function withTypo(random: Random, name: PersonName): PersonName {
  const letters = [...name.given];
  if (letters.length < 3) return { ...name, given: `${name.given}${letters.at(-1) ?? ''}` };
  const at = random.int(1, letters.length - 2);
  const kind = random.int(0, 2);
  if (kind === 0) letters.splice(at, 1);
  else if (kind === 1) letters.splice(at, 0, letters[at] ?? '');
  else {
    const held = letters[at] ?? '';
    letters[at] = letters[at + 1] ?? held;
    letters[at + 1] = held;
  }
  return { ...name, given: letters.join('') };
}

export type NameStyle = 'canonical' | 'ascii' | 'ascii-upper' | 'given-first' | 'given-first-marked' | 'typo';

export function writeName(random: Random, name: PersonName, style: NameStyle): string {
  switch (style) {
    case 'canonical':
      return canonicalFullName(name);
    case 'ascii':
      return stripDiacritics(canonicalFullName(name));
    case 'ascii-upper':
      return stripDiacritics(canonicalFullName(name)).toUpperCase();
    case 'given-first':
      return stripDiacritics(givenNameFirst(name));
    case 'given-first-marked':
      // "Ngân Trần Thị": given name first with its diacritics, as the labour department's forms write it.
      return givenNameFirst(name);
    case 'typo':
      return canonicalFullName(withTypo(random, name));
  }
}
