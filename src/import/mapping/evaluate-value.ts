import type { CsvRow } from '../read-csv.ts';
import type { ValueSpec } from './mapping-schema.ts';
import { parseDate, parseTime } from './parse-date.ts';

/**
 * The text a value spec makes of a row; '' when the cells are empty. A date that does not fit
 * its format is passed on as written, so the service refuses it as INVALID_DATE and the
 * report shows it, rather than the record being dropped here unseen.
 */
export function evaluateValue(spec: ValueSpec, row: CsvRow): string {
  if (typeof spec === 'string') return (row[spec] ?? '').trim();
  if ('column' in spec) return (row[spec.column] ?? '').trim();
  if ('value' in spec) return spec.value;
  if ('concat' in spec) {
    return spec.concat
      .map((part) => evaluateValue(part, row))
      .filter(Boolean)
      .join(spec.separator ?? '');
  }
  if ('map' in spec) {
    const text = evaluateValue(spec.map, row);
    return spec.values[text] ?? spec.default ?? text;
  }
  if ('date' in spec) {
    const text = evaluateValue(spec.date, row);
    if (!text) return '';
    return parseDate(text, spec.format)?.date ?? text;
  }
  const text = evaluateValue(spec.dateTime, row);
  if (!text) return '';
  const parsed = parseDate(text, spec.format);
  if (!parsed) return text;
  const timeText = spec.time ? evaluateValue(spec.time, row) : '';
  const time = timeText ? parseTime(timeText) : (parsed.time ?? '00:00:00');
  if (!time) return `${text} ${timeText}`;
  return `${parsed.date}T${time}${spec.offset}`;
}

/** The columns a value spec reads, to check them against a file's header before reading it. */
export function columnsOf(spec: ValueSpec | undefined): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return [spec];
  if ('column' in spec) return [spec.column];
  if ('value' in spec) return [];
  if ('concat' in spec) return spec.concat.flatMap(columnsOf);
  if ('map' in spec) return columnsOf(spec.map);
  if ('date' in spec) return columnsOf(spec.date);
  return [...columnsOf(spec.dateTime), ...columnsOf(spec.time)];
}
