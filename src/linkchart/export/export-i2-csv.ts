import type { LinkChart } from '../chart-types.ts';
import type { ExportFile } from './export-types.ts';

/** Entity types as i2 Analyst's Notebook's standard palette names them. */
const I2_ENTITY_TYPE: Record<string, string> = {
  PERSON: 'Person',
  PHONE: 'Telephone',
  BROKER: 'Organization',
  CASE: 'Case',
  BORDER_CROSSING: 'Event',
  CHECKPOINT: 'Location',
};

export const I2_ENTITY_COLUMNS = ['Entity ID', 'Entity Type', 'Label', 'Kind', 'Ring ID', 'Collapsed Count', 'X', 'Y'];
export const I2_LINK_COLUMNS = [
  'Link ID',
  'From Entity ID',
  'From Entity Type',
  'To Entity ID',
  'To Entity Type',
  'Link Type',
  'Weight',
  'Direction',
];

/**
 * One CSV field (RFC 4180). A field that a spreadsheet would run as a formula gets a
 * leading apostrophe; E.164 numbers ("+84...", a plus and digits only) are left as they are.
 */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=@\t\r]/.test(text) || (/^[+-]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text))) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: (string | number | null)[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Two files for i2 Analyst's Notebook's import wizard: entities (identity, type, label and
 * attributes) and links (both ends by identity and type, link type, weight, direction).
 */
export function exportI2Csv(chart: LinkChart, basename: string): ExportFile[] {
  const kinds = new Map(chart.nodes.map((n) => [n.id, n.kind]));
  const entities = csv([
    I2_ENTITY_COLUMNS,
    ...chart.nodes.map((n) => [
      n.id,
      I2_ENTITY_TYPE[n.kind] ?? n.kind,
      n.label,
      n.kind,
      n.ringId,
      n.collapsedCount,
      n.x,
      n.y,
    ]),
  ]);
  const links = csv([
    I2_LINK_COLUMNS,
    ...chart.edges.map((e) => [
      e.id,
      e.source,
      I2_ENTITY_TYPE[kinds.get(e.source) ?? ''] ?? '',
      e.target,
      I2_ENTITY_TYPE[kinds.get(e.target) ?? ''] ?? '',
      e.type,
      e.weight,
      e.type === 'KNOWS' || e.type === 'RELATIVE_OF' ? 'None' : 'Arrow on head',
    ]),
  ]);
  return [
    { filename: `${basename}-entities.csv`, mimeType: 'text/csv', content: entities },
    { filename: `${basename}-links.csv`, mimeType: 'text/csv', content: links },
  ];
}
