const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
// ICU also names these, but they are groupings or reserved codes, not countries.
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'UK', 'QO']);

/** A real calendar date in ISO form (2024-02-30 is not). */
export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** An ISO 8601 instant with an explicit offset, so its moment is unambiguous. */
export function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) && isDate(value.slice(0, 10));
}

/** An ISO 3166-1 alpha-2 code that ICU knows as a region (VN, CN, LA, KH, ...). */
export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && regionNames.of(value) !== value && !NOT_COUNTRIES.has(value);
}
