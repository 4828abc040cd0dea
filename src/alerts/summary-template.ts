/**
 * Placeholders of an alert's summary: a name (`⟦name:ID⟧`) and an age (`⟦age:ID|14⟧`). They
 * are replaced per viewer (render-summary.ts): a protected person's name by the pseudonym the
 * viewer sees everywhere else, and the age left out, since it tells how old a child is.
 */
export const nameOf = (id: string): string => `⟦name:${id}⟧`;
export const ageOf = (id: string, age: number): string => `⟦age:${id}|${age}⟧`;

export const PLACEHOLDER = /⟦(name|age):([^|⟧]+)(?:\|([^⟧]*))?⟧/g;

/** Whole years between an ISO birth date and an ISO date (both YYYY-MM-DD...). */
export function ageAt(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.slice(0, 10).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** "2026-11-30 05:40 (+07:00)": the time as the border post wrote it. */
export function localTime(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(at);
  if (!match) return at;
  return `${match[1]} ${match[2]} (${match[3] === 'Z' ? 'UTC' : match[3]})`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
