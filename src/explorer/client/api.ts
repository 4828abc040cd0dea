/** The explorer's calls to /graphql, with the signed-in user's token and stated purpose. */

const TOKEN_KEY = 'ringwatch.token';
const PURPOSE_KEY = 'ringwatch.purpose';

export interface Session {
  token: string;
  purpose: string;
}

export function loadSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const purpose = sessionStorage.getItem(PURPOSE_KEY);
  return token && purpose ? { token, purpose } : null;
}

export function saveSession(session: Session | null): void {
  if (session) {
    sessionStorage.setItem(TOKEN_KEY, session.token);
    sessionStorage.setItem(PURPOSE_KEY, session.purpose);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(PURPOSE_KEY);
  }
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export async function callGraphQL<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const session = loadSession();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (session) {
    headers['authorization'] = `Bearer ${session.token}`;
    // HTTP headers carry Latin-1 only: a purpose written with diacritics is sent percent-encoded.
    headers['x-purpose'] = /^[\x20-\x7e]*$/.test(session.purpose)
      ? session.purpose
      : encodeURIComponent(session.purpose);
  }
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError('The service cannot be reached.', 'NETWORK');
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The service answered ${response.status} ${response.statusText}.`, 'HTTP');
  }
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.message, error.extensions?.code);
  if (!body.data) throw new ApiError('The service answered without data.', 'HTTP');
  return body.data;
}

export interface ChartNode {
  id: string;
  kind: string;
  label: string;
  ringId: string | null;
  x: number | null;
  y: number | null;
  collapsedCount: number | null;
}

export interface ChartEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number | null;
}

export interface LinkChart {
  nodes: ChartNode[];
  edges: ChartEdge[];
  truncated: boolean;
}

export interface ChartArgs {
  seeds: string[];
  depth: number;
  maxNodes: number;
  linkTypes: string[] | null;
  from: string | null;
  to: string | null;
}

const CHART_ARGS =
  '$seeds: [ID!]!, $depth: Int, $maxNodes: Int, $linkTypes: [LinkType!], $from: DateTime, $to: DateTime';
const CHART_VALUES = 'seeds: $seeds, depth: $depth, maxNodes: $maxNodes, linkTypes: $linkTypes, from: $from, to: $to';

export async function fetchChart(args: ChartArgs): Promise<LinkChart> {
  const data = await callGraphQL<{ linkChart: LinkChart }>(
    `query ExplorerChart(${CHART_ARGS}) {
      linkChart(${CHART_VALUES}) {
        nodes { id kind label ringId x y collapsedCount }
        edges { id source target type weight }
        truncated
      }
    }`,
    { ...args },
  );
  return data.linkChart;
}

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

export async function fetchExport(args: ChartArgs, format: string): Promise<ExportFile[]> {
  const data = await callGraphQL<{ exportLinkChart: ExportFile[] }>(
    `query ExplorerExport(${CHART_ARGS}, $format: ExportFormat!) {
      exportLinkChart(${CHART_VALUES}, format: $format) { filename mimeType content }
    }`,
    { ...args, format },
  );
  return data.exportLinkChart;
}

export interface SearchHit {
  score: number;
  matchedOn: string;
  entity: { id: string; kind: string; label: string };
}

export async function searchEntities(text: string, kinds: string[] | null): Promise<SearchHit[]> {
  const data = await callGraphQL<{ search: SearchHit[] }>(
    `query ExplorerSearch($text: String!, $kinds: [EntityKind!]) {
      search(text: $text, kinds: $kinds, first: 20) { score matchedOn entity { id kind label } }
    }`,
    { text, kinds },
  );
  return data.search;
}

export interface RingDetails {
  id: string;
  score: number;
  size: number;
  summary: string;
  factors: { code: string; description: string; contribution: number }[];
}

export async function fetchRing(id: string): Promise<RingDetails | null> {
  const data = await callGraphQL<{ ring: RingDetails | null }>(
    `query ExplorerRing($id: ID!) {
      ring(id: $id) { id score size summary factors { code description contribution } }
    }`,
    { id },
  );
  return data.ring;
}
