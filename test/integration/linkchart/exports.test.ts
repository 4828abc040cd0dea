import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import { I2_ENTITY_COLUMNS, I2_LINK_COLUMNS } from '../../../src/linkchart/export/export-i2-csv.ts';
import { startTestService } from '../../support/service.ts';
import { TEST_JWT_SECRET, graphqlAsInvestigator as graphql } from './tokens.ts';
import { CHART, ingestSmallNetwork, type ChartResult, type SmallNetwork } from './small-network.ts';

let service: RunningService;

let net: SmallNetwork;
let chart: ChartResult['linkChart'];

beforeAll(async () => {
  service = await startTestService({ AUTH_JWT_SECRET: TEST_JWT_SECRET });
  net = await ingestSmallNetwork(service.url);
  const result = await graphql<ChartResult>(service.url, CHART, { seeds: [net.ids['p1']], depth: 2 });
  chart = result.data!.linkChart;
});
afterAll(async () => {
  await service?.close();
});

const EXPORT = /* GraphQL */ `
  query Export($seeds: [ID!]!, $depth: Int, $format: ExportFormat!) {
    exportLinkChart(seeds: $seeds, depth: $depth, format: $format) {
      filename
      mimeType
      content
    }
  }
`;

interface ExportResult {
  exportLinkChart: { filename: string; mimeType: string; content: string }[];
}

async function exportAs(format: string) {
  const result = await graphql<ExportResult>(service.url, EXPORT, { seeds: [net.ids['p1']], depth: 2, format });
  expect(result.errors).toBeUndefined();
  return result.data!.exportLinkChart;
}

type GraphConstructor = Parameters<typeof parseGraphml>[0];

/** Rows of an RFC 4180 file: quoted fields may hold commas, doubled quotes and line breaks. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (quoted || c !== '\r') {
      field += c;
    }
  }
  return rows;
}

describe('exportLinkChart', () => {
  it('writes GraphML that parses back to the same chart', async () => {
    const [file] = await exportAs('GRAPHML');
    expect(file).toMatchObject({ filename: 'linkchart.graphml', mimeType: 'application/graphml+xml' });
    const graph = parseGraphml(Graph as unknown as GraphConstructor, file!.content);
    expect(graph.order).toBe(chart.nodes.length);
    expect(graph.size).toBe(chart.edges.length);
    expect(graph.getNodeAttribute(net.ids['p1']!, 'label')).toBe('Nguyễn Văn Hùng');
    expect(graph.getNodeAttribute(net.ids['p1']!, 'kind')).toBe('PERSON');
  });

  it('writes GEXF that parses back to the same chart', async () => {
    const [file] = await exportAs('GEXF');
    expect(file!.filename).toBe('linkchart.gexf');
    const graph = parseGexf(Graph as unknown as GraphConstructor, file!.content);
    expect(graph.order).toBe(chart.nodes.length);
    expect(graph.size).toBe(chart.edges.length);
    expect(graph.getNodeAttribute(net.ids['p1']!, 'label')).toBe('Nguyễn Văn Hùng');
    const p1 = chart.nodes.find((n) => n.id === net.ids['p1'])!;
    expect(graph.getNodeAttribute(net.ids['p1']!, 'x')).toBeCloseTo(p1.x!, 1);
  });

  it('writes two CSV files for i2 Analyst’s Notebook', async () => {
    const files = await exportAs('I2_CSV');
    expect(files.map((f) => [f.filename, f.mimeType])).toEqual([
      ['linkchart-entities.csv', 'text/csv'],
      ['linkchart-links.csv', 'text/csv'],
    ]);
    const entities = csvRows(files[0]!.content);
    const links = csvRows(files[1]!.content);
    expect(entities[0]).toEqual(I2_ENTITY_COLUMNS);
    expect(links[0]).toEqual(I2_LINK_COLUMNS);
    expect(entities).toHaveLength(chart.nodes.length + 1);
    expect(links).toHaveLength(chart.edges.length + 1);
    const p1 = entities.find((row) => row[0] === net.ids['p1'])!;
    expect(p1.slice(1, 4)).toEqual(['Person', 'Nguyễn Văn Hùng', 'PERSON']);
    expect(entities.find((row) => row[3] === 'PHONE')![2]).toMatch(/^\+84\d+$/);
    expect(links.every((row) => row.length === I2_LINK_COLUMNS.length)).toBe(true);
  });

  it('writes JSON with the chart itself', async () => {
    const [file] = await exportAs('JSON');
    expect(file!.mimeType).toBe('application/json');
    expect(JSON.parse(file!.content)).toEqual(chart);
  });
});
