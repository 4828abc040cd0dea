/** The explorer's calls to /graphql, with the signed-in user's token and stated purpose. */

import { serverSentEventData } from '../../shared/server-sent-events.ts';

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

/** The signed-in user's id (the token's `sub`), read from the token for display and "mine"; the service checks the token. */
export function currentUser(): string | null {
  const token = loadSession()?.token;
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

// --- ring triage ----------------------------------------------------------------------------

export type RingStatus = 'OPEN' | 'CONFIRMED' | 'DISMISSED';

export interface RingQueueItem {
  id: string;
  score: number;
  size: number;
  personCount: number;
  status: RingStatus;
  assignee: string | null;
  factors: { code: string; description: string; contribution: number }[];
}

export interface RingQueueFilter {
  statuses: RingStatus[] | null;
  assignee: string | null;
  unassigned: boolean;
  minScore: number;
}

export async function fetchRingQueue(filter: RingQueueFilter): Promise<{ rings: RingQueueItem[]; total: number }> {
  const data = await callGraphQL<{ ringCandidates: { totalCount: number; edges: { node: RingQueueItem }[] } }>(
    `query RingQueue($statuses: [RingStatus!], $assignee: String, $unassigned: Boolean, $minScore: Float) {
      ringCandidates(first: 50, statuses: $statuses, assignee: $assignee, unassigned: $unassigned, minScore: $minScore) {
        totalCount
        edges { node { id score size personCount status assignee factors { code description contribution } } }
      }
    }`,
    { ...filter },
  );
  return { rings: data.ringCandidates.edges.map((e) => e.node), total: data.ringCandidates.totalCount };
}

export interface RingOpened extends RingQueueItem {
  summary: string;
  statusReason: string | null;
  statusNote: string | null;
  statusBy: string | null;
  statusAt: string | null;
  detectedAt: string;
  members: {
    role: string | null;
    entity: { id: string; kind: string; label: string; sources: { source: string; externalId: string }[] };
  }[];
  evidence: { source: string; target: string; type: string; weight: number; sources: string[] }[];
  notes: { id: string; author: string; at: string; text: string }[];
  triage: {
    at: string;
    by: string;
    action: string;
    status: string;
    assignee: string | null;
    reason: string | null;
    note: string | null;
  }[];
}

const RING_FIELDS = `id score size personCount status assignee summary statusReason statusNote statusBy statusAt detectedAt
  factors { code description contribution }
  members { role entity { id kind label sources { source externalId } } }
  evidence { source target type weight sources }
  notes { id author at text }
  triage { at by action status assignee reason note }`;

export async function fetchRingOpened(id: string): Promise<RingOpened | null> {
  const data = await callGraphQL<{ ring: RingOpened | null }>(
    `query RingOpened($id: ID!) { ring(id: $id) { ${RING_FIELDS} } }`,
    { id },
  );
  return data.ring;
}

export async function triageRing(
  id: string,
  status: RingStatus,
  reason: string | null,
  note: string | null,
): Promise<RingOpened> {
  const data = await callGraphQL<{ triageRing: RingOpened }>(
    `mutation TriageRing($id: ID!, $status: RingStatus!, $reason: RingTriageReason, $note: String) {
      triageRing(id: $id, status: $status, reason: $reason, note: $note) { ${RING_FIELDS} }
    }`,
    { id, status, reason, note },
  );
  return data.triageRing;
}

export async function assignRing(id: string, assignee: string | null): Promise<RingOpened> {
  const data = await callGraphQL<{ assignRing: RingOpened }>(
    `mutation AssignRing($id: ID!, $assignee: String) { assignRing(id: $id, assignee: $assignee) { ${RING_FIELDS} } }`,
    { id, assignee },
  );
  return data.assignRing;
}

export async function addRingNote(id: string, text: string): Promise<void> {
  await callGraphQL(`mutation AddRingNote($id: ID!, $text: String!) { addRingNote(id: $id, text: $text) { id } }`, {
    id,
    text,
  });
}

// --- alerts ---------------------------------------------------------------------------------

export interface AlertItem {
  id: string;
  rule: string;
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  status: 'OPEN' | 'ACKNOWLEDGED' | 'ESCALATED' | 'CLOSED';
  raisedAt: string;
  updatedAt: string | null;
  summary: string;
  ringId: string | null;
  assignee: string | null;
  disposition: string | null;
  entities: { id: string; kind: string; label: string }[];
}

const ALERT_FIELDS =
  'id rule severity status raisedAt updatedAt summary ringId assignee disposition entities { id kind label }';

export async function fetchAlerts(statuses: AlertItem['status'][] | null): Promise<AlertItem[]> {
  const data = await callGraphQL<{ alerts: { edges: { node: AlertItem }[] } }>(
    `query AlertInbox($status: [AlertStatus!]) { alerts(status: $status, first: 50) { edges { node { ${ALERT_FIELDS} } } } }`,
    { status: statuses },
  );
  return data.alerts.edges.map((e) => e.node);
}

export async function updateAlert(
  id: string,
  change: { status: AlertItem['status']; assignee?: string | null; disposition?: string | null },
): Promise<AlertItem> {
  const data = await callGraphQL<{ updateAlert: AlertItem }>(
    `mutation UpdateAlert($id: ID!, $status: AlertStatus!, $assignee: String, $disposition: String) {
      updateAlert(id: $id, status: $status, assignee: $assignee, disposition: $disposition) { ${ALERT_FIELDS} }
    }`,
    { id, ...change },
  );
  return data.updateAlert;
}

/**
 * alertRaised over Server-Sent Events (graphql-yoga's GraphQL over SSE: POST with
 * Accept: text/event-stream). fetch rather than EventSource, which can send neither a POST body
 * nor the Authorization and X-Purpose headers. Returns a function that ends the subscription.
 */
export function subscribeAlerts(handlers: {
  alert(alert: AlertItem): void;
  open(): void;
  closed(error: ApiError | null): void;
}): () => void {
  const session = loadSession();
  const controller = new AbortController();
  if (!session) {
    handlers.closed(new ApiError('Sign in to receive alerts.', 'UNAUTHENTICATED'));
    return () => undefined;
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    authorization: `Bearer ${session.token}`,
    'x-purpose': /^[\x20-\x7e]*$/.test(session.purpose) ? session.purpose : encodeURIComponent(session.purpose),
  };
  const query = `subscription AlertInboxLive { alertRaised { ${ALERT_FIELDS} } }`;
  void (async () => {
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers,
        body: JSON.stringify({ query }),
        signal: controller.signal,
      });
      if (!response.ok || !response.body) {
        handlers.closed(new ApiError(`The live alerts answered ${response.status}.`, 'HTTP'));
        return;
      }
      handlers.open();
      for await (const data of serverSentEventData(response.body)) {
        const message = JSON.parse(data) as {
          data?: { alertRaised?: AlertItem };
          errors?: { message: string; extensions?: { code?: string } }[];
        };
        const [error] = message.errors ?? [];
        if (error) {
          handlers.closed(new ApiError(error.message, error.extensions?.code));
          controller.abort();
          return;
        }
        if (message.data?.alertRaised) handlers.alert(message.data.alertRaised);
      }
      handlers.closed(null);
    } catch (error) {
      if (controller.signal.aborted) return;
      handlers.closed(new ApiError(`The live alerts stopped: ${(error as Error).message}`, 'NETWORK'));
    }
  })();
  return () => controller.abort();
}
