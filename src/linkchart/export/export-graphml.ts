import type { LinkChart } from '../chart-types.ts';
import type { ExportFile } from './export-types.ts';

// graphology-graphml 0.5.2 only parses GraphML (it has no writer), so the document is
// written here; it is small and every value goes through escapeXml.

const NODE_KEYS = [
  ['label', 'string'],
  ['kind', 'string'],
  ['ringId', 'string'],
  ['collapsedCount', 'int'],
  ['x', 'double'],
  ['y', 'double'],
] as const;
const EDGE_KEYS = [
  ['type', 'string'],
  ['weight', 'double'],
] as const;

export function escapeXml(value: string): string {
  return (
    value
      // Characters XML 1.0 cannot carry at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

function data(key: string, value: string | number | null): string {
  return value === null ? '' : `\n      <data key="${key}">${escapeXml(String(value))}</data>`;
}

/** GraphML for yEd, Gephi, Cytoscape and graphology-graphml; directed, keys declared up front. */
export function exportGraphml(chart: LinkChart, basename: string): ExportFile {
  const keys = [
    ...NODE_KEYS.map(([name, type]) => `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...EDGE_KEYS.map(([name, type]) => `  <key id="${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`),
  ];
  const ids = new Set(chart.nodes.map((n) => n.id));
  const nodes = chart.nodes.map(
    (n) =>
      `    <node id="${escapeXml(n.id)}">` +
      data('label', n.label) +
      data('kind', n.kind) +
      data('ringId', n.ringId) +
      data('collapsedCount', n.collapsedCount) +
      data('x', n.x) +
      data('y', n.y) +
      '\n    </node>',
  );
  const edges = chart.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map(
      (e) =>
        `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">` +
        data('type', e.type) +
        data('weight', e.weight) +
        '\n    </edge>',
    );
  const content = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys,
    '  <graph id="linkchart" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
  return { filename: `${basename}.graphml`, mimeType: 'application/graphml+xml', content };
}
