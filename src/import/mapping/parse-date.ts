const TOKENS: Record<string, { part: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'; pattern: string }> = {
  YYYY: { part: 'year', pattern: '(\\d{4})' },
  MM: { part: 'month', pattern: '(\\d{1,2})' },
  M: { part: 'month', pattern: '(\\d{1,2})' },
  DD: { part: 'day', pattern: '(\\d{1,2})' },
  D: { part: 'day', pattern: '(\\d{1,2})' },
  HH: { part: 'hour', pattern: '(\\d{1,2})' },
  mm: { part: 'minute', pattern: '(\\d{2})' },
  ss: { part: 'second', pattern: '(\\d{2})' },
};

const compiled = new Map<string, { regex: RegExp; parts: string[] }>();

function compile(format: string): { regex: RegExp; parts: string[] } {
  let cached = compiled.get(format);
  if (cached) return cached;
  const parts: string[] = [];
  const source = format.replace(/YYYY|MM|M|DD|D|HH|mm|ss|[.*+?^${}()|[\]\\]/g, (token) => {
    const known = TOKENS[token];
    if (!known) return `\\${token}`;
    parts.push(known.part);
    return known.pattern;
  });
  cached = { regex: new RegExp(`^${source}$`), parts };
  compiled.set(format, cached);
  return cached;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A date written as `format` says (tokens YYYY, MM or M, DD or D, and HH, mm, ss for a time;
 * one-digit days and months are read either way) to YYYY-MM-DD, with the time when the format
 * has one. Returns undefined for text that does not fit or is not a calendar date.
 */
export function parseDate(text: string, format: string): { date: string; time: string | undefined } | undefined {
  const { regex, parts } = compile(format);
  const match = regex.exec(text.trim());
  if (!match) return undefined;
  const value: Record<string, number> = {};
  parts.forEach((part, i) => (value[part] = Number(match[i + 1])));
  const { year, month, day } = value;
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  const date = `${year}-${two(month)}-${two(day)}`;
  if (value['hour'] === undefined) return { date, time: undefined };
  return { date, time: `${two(value['hour'])}:${two(value['minute'] ?? 0)}:${two(value['second'] ?? 0)}` };
}

/** A time of day (H:mm or HH:mm:ss) to HH:mm:ss, or undefined. */
export function parseTime(text: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${two(hour)}:${two(minute)}:${two(second)}`;
}
