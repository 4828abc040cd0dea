import { CapabilityError, ErrorCode } from '../shared/capability-error.ts';
import type { LinkType } from '../linkchart/chart-types.ts';

/** Where one entity of a saved chart stands. */
export interface ChartPosition {
  id: string;
  x: number;
  y: number;
}

export interface SavedChartFilters {
  depth: number;
  linkTypes: LinkType[] | null;
  from: string | null;
  to: string | null;
}

export interface ChartSharing {
  users: string[];
  agencies: string[];
}

/** What a chart is saved as: ids, filters, positions and the saver's words, never an entity's name or details. */
export interface SavedChartContent {
  name: string;
  note: string | null;
  seeds: string[];
  entities: ChartPosition[];
  filters: SavedChartFilters;
}

export interface SavedChartRecord extends SavedChartContent {
  id: string;
  owner: string;
  ownerAgency: string | null;
  createdAt: string;
  updatedAt: string;
  sharing: ChartSharing;
}

/** Who reads or writes a saved chart: the token's sub and agency. */
export interface ChartViewer {
  sub: string;
  agency: string | null;
}

/** One thing wrong with a saved chart or its file, at a path such as "entities.3.x". */
export interface ContentProblem {
  path: string;
  message: string;
}

export class SavedChartError extends CapabilityError {
  override name = 'SavedChartError';
}

/** A chart to save with values out of bounds; nothing was written. */
export class InvalidSavedChartError extends SavedChartError {
  override name = 'InvalidSavedChartError';
  override readonly code = ErrorCode.BAD_USER_INPUT;
  override readonly details: { problems: ContentProblem[] };
  constructor(readonly problems: ContentProblem[]) {
    super(`the chart cannot be saved: ${problems.map((p) => `${p.path || 'chart'}: ${p.message}`).join('; ')}`);
    this.details = { problems };
  }
}

/** A file to import that is not a saved chart; nothing was written. */
export class InvalidChartFileError extends SavedChartError {
  override name = 'InvalidChartFileError';
  override readonly code = ErrorCode.INVALID_CHART_FILE;
  override readonly details: { problems: ContentProblem[] };
  constructor(readonly problems: ContentProblem[]) {
    super(`the file is not a saved chart: ${problems.map((p) => `${p.path || 'file'}: ${p.message}`).join('; ')}`);
    this.details = { problems };
  }
}

/** No such chart, or one the caller may not see: the same answer, so ids cannot be probed. */
export class SavedChartNotFoundError extends SavedChartError {
  override name = 'SavedChartNotFoundError';
  override readonly code = ErrorCode.NOT_FOUND;
  override readonly details: { id: string };
  constructor(id: string) {
    super(`no saved chart ${JSON.stringify(id)} that you may see`);
    this.details = { id };
  }
}

/** A chart shared with the caller, which only its owner may share again or delete. */
export class NotChartOwnerError extends SavedChartError {
  override name = 'NotChartOwnerError';
  override readonly code = ErrorCode.FORBIDDEN;
  constructor(id: string) {
    super(`only the owner of saved chart ${JSON.stringify(id)} may change whom it is shared with or delete it`);
  }
}
