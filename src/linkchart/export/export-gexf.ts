import { write } from 'graphology-gexf';
import type { LinkChart } from '../chart-types.ts';
import { chartToGraph } from './chart-to-graph.ts';
import type { ExportFile } from './export-types.ts';

/** GEXF 1.3 (Gephi) with the chart's coordinates as viz positions. */
export function exportGexf(chart: LinkChart, basename: string): ExportFile {
  const content = write(chartToGraph(chart), {
    version: '1.3',
    pretty: true,
    formatNode: (_key, a) => ({
      label: String(a['label']),
      viz: { x: Number(a['x']), y: Number(a['y']) },
      attributes: { kind: a['kind'], ringId: a['ringId'], collapsedCount: a['collapsedCount'] },
    }),
    formatEdge: (_key, a) => ({
      label: String(a['type']),
      weight: Number(a['weight']),
      attributes: { type: a['type'] },
    }),
  });
  return { filename: `${basename}.gexf`, mimeType: 'application/gexf+xml', content };
}
