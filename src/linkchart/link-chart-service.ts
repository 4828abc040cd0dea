import type { Database } from '../db/database.ts';
import { EntityReader } from '../entities/read-entities.ts';
import { EntitySearch, type SearchHit, type SearchRequest } from '../search/search-entities.ts';
import { buildLinkChart } from './build-link-chart.ts';
import type { ChartPath, LinkChart, LinkChartRequest, PathRequest } from './chart-types.ts';
import { exportChart } from './export/export-chart.ts';
import type { ExportFile, ExportFormat } from './export/export-types.ts';
import { findPaths } from './find-paths.ts';

/** The investigator's graph reads: link charts, paths between entities, search, exports. */
export class LinkChartService {
  private readonly searcher: EntitySearch;

  constructor(
    private readonly db: Database,
    entities: EntityReader = new EntityReader(db),
  ) {
    this.searcher = new EntitySearch(db, entities);
  }

  chart(request: LinkChartRequest): Promise<LinkChart> {
    return buildLinkChart(this.db, request);
  }

  paths(request: PathRequest): Promise<ChartPath[]> {
    return findPaths(this.db, request);
  }

  search(request: SearchRequest): Promise<SearchHit[]> {
    return this.searcher.search(request);
  }

  /** `present` is the viewer's view of the chart (protected people masked, src/protection/) before it is written out. */
  async export(
    request: LinkChartRequest,
    format: ExportFormat,
    present: (chart: LinkChart) => Promise<LinkChart> = async (chart) => chart,
  ): Promise<ExportFile[]> {
    return exportChart(await present(await this.chart(request)), format);
  }
}
