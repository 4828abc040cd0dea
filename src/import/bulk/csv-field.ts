/**
 * How the bulk load writes values for Neo4j's importer: every field quoted (a quote inside
 * doubled), an absent value as an empty unquoted field (the importer then sets no property,
 * as `SET e += {x: null}` leaves none), lists joined by a control character. Every text the
 * service stores has passed its check, which refuses control characters (src/ingest/check-values.ts),
 * so neither the field delimiter's quoting nor the list delimiter can meet a stored value.
 */
export const ARRAY_DELIMITER = '\u001F';

export type FieldValue = string | number | readonly string[] | null | undefined;

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvField(value: FieldValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quote(value);
  return value.length ? quote(value.join(ARRAY_DELIMITER)) : '';
}

export function csvLine(values: readonly FieldValue[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
