import { callGraphQL, type ExportFile, type LinkChart } from './api.ts';

/** The workspace's reads and writes for the timeline, the map and saved charts. */

export interface TimelineEvent {
  id: string;
  kind: 'CROSSING_EXIT' | 'CROSSING_ENTRY' | 'FIRST_CALL' | 'LAST_CALL' | 'RECRUITMENT' | 'CASE_OPENED';
  at: string;
  entityIds: string[];
  label: string;
  checkpointId: string | null;
  country: string | null;
  returned: boolean | null;
}

export async function fetchTimeline(ids: string[]): Promise<{ events: TimelineEvent[]; truncated: boolean }> {
  const data = await callGraphQL<{ timeline: { events: TimelineEvent[]; truncated: boolean } }>(
    `query WorkspaceTimeline($ids: [ID!]!) {
      timeline(ids: $ids) { truncated events { id kind at entityIds label checkpointId country returned } }
    }`,
    { ids },
  );
  return data.timeline;
}

export interface CheckpointPlace {
  id: string;
  code: string;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
}

export async function fetchCheckpoints(): Promise<CheckpointPlace[]> {
  const data = await callGraphQL<{ checkpoints: CheckpointPlace[] }>(
    'query WorkspaceCheckpoints { checkpoints { id code name country latitude longitude } }',
    {},
  );
  return data.checkpoints;
}

/** The page's settings that the service hands it (GET /explorer/settings.json). */
export interface PageSettings {
  /** An agency's own tile server, {z}/{x}/{y} in the URL; null: the boundaries alone. */
  mapTileUrl: string | null;
}

export async function fetchPageSettings(): Promise<PageSettings> {
  const response = await fetch('/explorer/settings.json');
  if (!response.ok) return { mapTileUrl: null };
  return (await response.json()) as PageSettings;
}

export interface SavedChartFilters {
  depth: number;
  linkTypes: string[] | null;
  from: string | null;
  to: string | null;
}

export interface SavedChartSummary {
  id: string;
  name: string;
  note: string | null;
  owner: string;
  ownerAgency: string | null;
  updatedAt: string;
  sharing: { users: string[]; agencies: string[] };
}

export interface SavedChart extends SavedChartSummary {
  seeds: string[];
  filters: SavedChartFilters;
  chart: LinkChart;
}

const SUMMARY = 'id name note owner ownerAgency updatedAt sharing { users agencies }';
const FULL = `${SUMMARY} seeds filters { depth linkTypes from to }
  chart { nodes { id kind label ringId x y collapsedCount } edges { id source target type weight } truncated }`;

export async function listSavedCharts(): Promise<SavedChartSummary[]> {
  const data = await callGraphQL<{ savedCharts: SavedChartSummary[] }>(
    `query WorkspaceSavedCharts { savedCharts(first: 100) { ${SUMMARY} } }`,
    {},
  );
  return data.savedCharts;
}

export async function openSavedChart(id: string): Promise<SavedChart | null> {
  const data = await callGraphQL<{ savedChart: SavedChart | null }>(
    `query WorkspaceOpenChart($id: ID!) { savedChart(id: $id) { ${FULL} } }`,
    { id },
  );
  return data.savedChart;
}

export interface SaveChartInput {
  name: string;
  note: string | null;
  seeds: string[];
  entities: { id: string; x: number; y: number }[];
  filters: SavedChartFilters;
}

export async function saveChart(input: SaveChartInput): Promise<SavedChartSummary> {
  const data = await callGraphQL<{ saveChart: SavedChartSummary }>(
    `mutation WorkspaceSaveChart($input: SavedChartInput!) { saveChart(input: $input) { ${SUMMARY} } }`,
    { input },
  );
  return data.saveChart;
}

export async function shareChart(id: string, users: string[], agencies: string[]): Promise<SavedChartSummary> {
  const data = await callGraphQL<{ shareChart: SavedChartSummary }>(
    `mutation WorkspaceShareChart($id: ID!, $sharing: ChartSharingInput!) {
      shareChart(id: $id, sharing: $sharing) { ${SUMMARY} }
    }`,
    { id, sharing: { users, agencies } },
  );
  return data.shareChart;
}

export async function deleteSavedChart(id: string): Promise<void> {
  await callGraphQL('mutation WorkspaceDeleteChart($id: ID!) { deleteSavedChart(id: $id) }', { id });
}

export async function exportSavedChart(id: string): Promise<ExportFile> {
  const data = await callGraphQL<{ exportSavedChart: ExportFile }>(
    'query WorkspaceExportChart($id: ID!) { exportSavedChart(id: $id) { filename mimeType content } }',
    { id },
  );
  return data.exportSavedChart;
}

export async function importSavedChart(content: string): Promise<SavedChartSummary> {
  const data = await callGraphQL<{ importSavedChart: SavedChartSummary }>(
    `mutation WorkspaceImportChart($content: String!) { importSavedChart(content: $content) { ${SUMMARY} } }`,
    { content },
  );
  return data.importSavedChart;
}
