import type { Database } from '../db/database.ts';
import { EntityReader } from '../entities/read-entities.ts';
import { EntitySearch, type SearchHit, type SearchRequest } from '../search/search-entities.ts';
import { buildLinkChart } from './build-link-chart.ts';
import type { ChartPath, LinkChart, LinkChartRequest, PathRequest } from './chart-types.ts';
import { exportChart } from './export/export-chart.ts';
import type { ExportFile, ExportFormat } from './export/export-types.ts';
import { findPaths } from './find-paths.ts';
import { sharedLayoutThreads, type LayoutThreads } from './layout-thread/layout-thread.ts';
import { readChartContents } from './expand-neighbourhood.ts';
import { ALL_CHART_TYPES, edgeId, edgeWeight, type LinkType } from './chart-types.ts';
import { checkChartRequest, checkPathRequest, checkTimeWindow } from './validate-request.ts';
import { WorkBudget, chartWork, maxChartWork, pathsWork } from './work-budget.ts';

/**
 * The investigator's graph reads: link charts, paths between entities, search, exports. Each
 * chart, path search and export draws from the request's work budget (work-budget.ts) before
 * it reads anything, by the most it may cost, and gives back what it did not use once the
 * chart's size is known; ForceAtlas2 runs on the layout threads, never on the event loop.
 */
export class LinkChartService {
  private readonly searcher: EntitySearch;

  constructor(
    private readonly db: Database,
    entities: EntityReader = new EntityReader(db),
    private readonly layouts: LayoutThreads = sharedLayoutThreads(),
  ) {
    this.searcher = new EntitySearch(db, entities);
  }

  async chart(request: LinkChartRequest, work: WorkBudget = WorkBudget.unlimited()): Promise<LinkChart> {
    // A request the chart would refuse anyway gets that answer rather than a budget's.
    checkChartRequest(request);
    const layout = request.layout ?? null;
    const reserved = maxChartWork(request.maxNodes, layout);
    work.draw(reserved, `a chart of up to ${request.maxNodes} nodes with the ${layout ?? 'RADIAL'} layout`);
    return buildLinkChart(this.db, request, {
      forceAtlas2: (chart) => this.layouts.layout(chart, work.caller),
      beforeLayout: (nodes) => work.refund(reserved - chartWork(nodes, layout)),
    });
  }

  async paths(request: PathRequest, work: WorkBudget = WorkBudget.unlimited()): Promise<ChartPath[]> {
    checkPathRequest(request);
    work.draw(pathsWork(request.maxLength), `a path search of up to ${request.maxLength} links`);
    return findPaths(this.db, request);
  }

  /**
   * The chart of exactly these entities (those that still exist) and the links among them of
   * these types in the period, without a layout: a saved chart, opened again.
   */
  async among(
    ids: readonly string[],
    filters: { linkTypes: readonly LinkType[] | null; from: string | null; to: string | null },
    work: WorkBudget = WorkBudget.unlimited(),
  ): Promise<LinkChart> {
    const window = checkTimeWindow(filters.from, filters.to);
    work.draw(chartWork(ids.length, null), `a saved chart of ${ids.length} entities`);
    const types = filters.linkTypes ? [...filters.linkTypes] : [...ALL_CHART_TYPES];
    const { entities, links } = await this.db.readTransaction(
      (tx) => readChartContents(tx, [...new Set(ids)], { types, ...window }),
      { timeoutMs: 30_000, metadata: { query: 'linkchart/among', ids: ids.length } },
    );
    return {
      nodes: ids.flatMap((id) => {
        const entity = entities.get(id);
        return entity ? [{ ...entity, x: null, y: null, collapsedCount: null }] : [];
      }),
      edges: links
        .map((row) => ({
          id: edgeId(row.source, row.type, row.target),
          source: row.source,
          target: row.target,
          type: row.type,
          weight: edgeWeight(row.type, row.count),
        }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      truncated: false,
    };
  }

  search(request: SearchRequest): Promise<SearchHit[]> {
    return this.searcher.search(request);
  }

  /** `present` is the viewer's view of the chart (protected people masked, src/protection/) before it is written out. */
  async export(
    request: LinkChartRequest,
    format: ExportFormat,
    present: (chart: LinkChart) => Promise<LinkChart> = async (chart) => chart,
    work: WorkBudget = WorkBudget.unlimited(),
  ): Promise<ExportFile[]> {
    return exportChart(await present(await this.chart(request, work)), format);
  }
}
