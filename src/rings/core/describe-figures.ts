import type { CommunityProfile } from './profile-community.ts';
import type { ExitCountry } from './types.ts';

const countryNames: Record<ExitCountry, string> = { CN: 'China', LA: 'Laos', KH: 'Cambodia' };

export function countryName(country: ExitCountry): string {
  return countryNames[country];
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "1 member", "3 members". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Rounds to one decimal, the precision of contributions. */
export function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** "9 people, 3 phones and 1 broker"; kinds with no member are left out. */
export function describeComposition(profile: CommunityProfile): string {
  return joinAnd([
    plural(profile.persons.length, 'person', 'people'),
    ...(profile.phones.length > 0 ? [plural(profile.phones.length, 'phone')] : []),
    ...(profile.brokers.length > 0 ? [plural(profile.brokers.length, 'broker')] : []),
  ]);
}
