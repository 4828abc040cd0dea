import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { UnknownEntitiesError, type LinkChart } from '../linkchart/chart-types.ts';
import type { LinkChartService } from '../linkchart/link-chart-service.ts';
import type { WorkBudget } from '../linkchart/work-budget.ts';
import { checkContent, checkSharing, chartFile, readChartFile } from './saved-chart-content.ts';
import {
  InvalidChartFileError,
  InvalidSavedChartError,
  NotChartOwnerError,
  SavedChartNotFoundError,
  type ChartViewer,
  type SavedChartContent,
  type SavedChartRecord,
} from './saved-chart-records.ts';

/** A saved chart as cypher/saved-charts/ store it: one node, lists of primitives. */
interface StoredChart {
  id: string;
  name: string;
  note: string | null;
  owner: string;
  ownerAgency: string | null;
  createdAt: string;
  updatedAt: string;
  seeds: string[];
  entityIds: string[];
  xs: number[];
  ys: number[];
  depth: number;
  linkTypes: SavedChartRecord['filters']['linkTypes'];
  from: string | null;
  to: string | null;
  sharedUsers: string[];
  sharedAgencies: string[];
}

function toRecord(stored: StoredChart): SavedChartRecord {
  return {
    id: stored.id,
    name: stored.name,
    note: stored.note ?? null,
    owner: stored.owner,
    ownerAgency: stored.ownerAgency ?? null,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    seeds: stored.seeds,
    entities: stored.entityIds.map((id, i) => ({ id, x: stored.xs[i] ?? 0, y: stored.ys[i] ?? 0 })),
    filters: {
      depth: stored.depth,
      linkTypes: stored.linkTypes ?? null,
      from: stored.from ?? null,
      to: stored.to ?? null,
    },
    sharing: { users: stored.sharedUsers ?? [], agencies: stored.sharedAgencies ?? [] },
  };
}

/** The most charts one list answers with. */
export const MAX_LISTED = 200;

/**
 * Saved charts (cypher/saved-charts/): an investigator keeps a chart as it is (its entities'
 * ids and positions, its filters, a note), opens it again, shares it with named users or
 * agencies, and carries it to another service as a JSON file. Only ids and positions are kept:
 * the chart's entities are read when it is opened, so whoever opens it sees them as their own
 * clearance allows (the GraphQL layer masks them like any chart), never as the saver did.
 */
export class SavedChartService {
  constructor(
    private readonly db: Database,
    private readonly linkCharts: LinkChartService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Saves the chart as a new chart of the viewer; refused whole, with every problem, when a value is out of bounds. */
  async save(viewer: ChartViewer, input: SavedChartContent): Promise<SavedChartRecord> {
    const checked = checkContent(input);
    if ('problems' in checked) throw new InvalidSavedChartError(checked.problems);
    return this.create(viewer, checked.content);
  }

  /** A file of exportFile, saved as a new chart of the viewer; nothing is written when anything in it is wrong. */
  async importFile(viewer: ChartViewer, text: string): Promise<SavedChartRecord> {
    const read = readChartFile(text);
    if ('problems' in read) throw new InvalidChartFileError(read.problems);
    return this.create(viewer, read.content);
  }

  /** undefined when there is no such chart or the viewer may not see it. */
  async get(viewer: ChartViewer, id: string): Promise<SavedChartRecord | undefined> {
    const [row] = await this.db.read<{ chart: StoredChart }>('saved-charts/visible-saved-chart', {
      id,
      sub: viewer.sub,
      agency: viewer.agency,
    });
    return row && toRecord(row.chart);
  }

  async list(viewer: ChartViewer, first: number): Promise<SavedChartRecord[]> {
    const limit = Math.max(0, Math.min(MAX_LISTED, Math.trunc(first)));
    const rows = await this.db.read<{ chart: StoredChart }>('saved-charts/list-saved-charts', {
      sub: viewer.sub,
      agency: viewer.agency,
      limit,
    });
    return rows.map((row) => toRecord(row.chart));
  }

  /** The owner replaces whom the chart is shared with. */
  async share(
    viewer: ChartViewer,
    id: string,
    sharing: { users?: readonly string[] | null; agencies?: readonly string[] | null },
  ): Promise<SavedChartRecord> {
    const checked = checkSharing(sharing);
    if ('problems' in checked) throw new InvalidSavedChartError(checked.problems);
    const [row] = await this.db.write<{ chart: StoredChart }>('saved-charts/share-saved-chart', {
      id,
      sub: viewer.sub,
      now: this.now().toISOString(),
      ...checked.sharing,
    });
    if (row) return toRecord(row.chart);
    throw (await this.get(viewer, id)) ? new NotChartOwnerError(id) : new SavedChartNotFoundError(id);
  }

  async delete(viewer: ChartViewer, id: string): Promise<boolean> {
    const rows = await this.db.write<{ id: string }>('saved-charts/delete-saved-chart', { id, sub: viewer.sub });
    if (rows.length) return true;
    throw (await this.get(viewer, id)) ? new NotChartOwnerError(id) : new SavedChartNotFoundError(id);
  }

  /** The answer to a chart the viewer may not see, as for one that does not exist. */
  notFound(id: string): never {
    throw new SavedChartNotFoundError(id);
  }

  /** The chart's JSON file, with its name and note as the viewer may read them (`words`, masked by the caller). */
  exportFile(
    record: SavedChartRecord,
    words: { name: string; note: string | null },
  ): { filename: string; mimeType: string; content: string } {
    return {
      filename: `saved-chart-${record.id}.json`,
      mimeType: 'application/json',
      content: chartFile(record, words),
    };
  }

  /** The saved entities that still exist, at their saved positions, and the links among them today. */
  async chart(record: SavedChartRecord, work?: WorkBudget): Promise<LinkChart> {
    const chart = await this.linkCharts.among(
      record.entities.map((e) => e.id),
      record.filters,
      work,
    );
    const positions = new Map(record.entities.map((e) => [e.id, e]));
    return {
      ...chart,
      nodes: chart.nodes.map((node) => ({
        ...node,
        x: positions.get(node.id)?.x ?? 0,
        y: positions.get(node.id)?.y ?? 0,
      })),
    };
  }

  /** One write transaction: the entities are checked and the chart created together, or nothing is. */
  private async create(viewer: ChartViewer, content: SavedChartContent): Promise<SavedChartRecord> {
    const ids = content.entities.map((e) => e.id);
    const now = this.now().toISOString();
    const stored = await this.db.writeTransaction(async (tx) => {
      const known = new Set((await tx.run<{ id: string }>('saved-charts/known-entities', { ids })).map((r) => r.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length) throw new UnknownEntitiesError(unknown.slice(0, 20));
      const [row] = await tx.run<{ chart: StoredChart }>('saved-charts/create-saved-chart', {
        id: `sch_${randomUUID()}`,
        name: content.name.trim(),
        note: content.note?.trim() || null,
        owner: viewer.sub,
        ownerAgency: viewer.agency,
        now,
        seeds: content.seeds,
        entityIds: ids,
        xs: content.entities.map((e) => e.x),
        ys: content.entities.map((e) => e.y),
        depth: content.filters.depth,
        linkTypes: content.filters.linkTypes,
        from: content.filters.from,
        to: content.filters.to,
      });
      return row!.chart;
    });
    return toRecord(stored);
  }
}
