import type { LinkChart } from '../chart-types.ts';
import { exportGexf } from './export-gexf.ts';
import { exportGraphml } from './export-graphml.ts';
import { exportI2Csv } from './export-i2-csv.ts';
import type { ExportFile, ExportFormat } from './export-types.ts';

/** A chart in one of the export formats; I2_CSV gives two files (entities and links). */
export function exportChart(chart: LinkChart, format: ExportFormat, basename = 'linkchart'): ExportFile[] {
  switch (format) {
    case 'GRAPHML':
      return [exportGraphml(chart, basename)];
    case 'GEXF':
      return [exportGexf(chart, basename)];
    case 'I2_CSV':
      return exportI2Csv(chart, basename);
    case 'JSON':
      return [
        {
          filename: `${basename}.json`,
          mimeType: 'application/json',
          content: JSON.stringify({ nodes: chart.nodes, edges: chart.edges, truncated: chart.truncated }, null, 2),
        },
      ];
  }
}
