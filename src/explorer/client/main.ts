import { ApiError, loadSession, saveSession, type Session } from './api.ts';
import { ChartController } from './chart-controller.ts';
import { element, make } from './dom.ts';
import { KIND_NAMES, kindIcon } from './entity-kinds.ts';
import { mountPanels, registerPanel, revealPanel, type Workspace } from './layout.ts';
import { alertInboxPanel } from './panels/alert-inbox.ts';
import { chartToolsPanel } from './panels/chart-tools.ts';
import { mapPanel } from './panels/map.ts';
import { savedChartsPanel } from './panels/saved-charts.ts';
import { ringDetailsPanel } from './panels/ring-details.ts';
import { ringQueuePanel } from './panels/ring-queue.ts';
import { searchPanel } from './panels/search.ts';
import { timelinePanel } from './panels/timeline.ts';

// --- the panels: one import and one registration each, in the order they stand in their slot ---
registerPanel(searchPanel);
registerPanel(ringQueuePanel);
registerPanel(alertInboxPanel);
registerPanel(ringDetailsPanel);
registerPanel(chartToolsPanel);
registerPanel(savedChartsPanel);
registerPanel(timelinePanel);
registerPanel(mapPanel);

// --- the page around them -------------------------------------------------------------------
const errorBox = element<HTMLDivElement>('error');
const chartStatus = element<HTMLParagraphElement>('chart-status');

function showError(message: string | null): void {
  errorBox.hidden = !message;
  errorBox.textContent = message ?? '';
}

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'UNAUTHENTICATED') return `Sign in with a valid token first. (${error.message})`;
    return error.code ? `${error.message} [${error.code}]` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

const chart = new ChartController(element('graph'));
const sessionListeners: ((session: Session | null) => void)[] = [];

const workspace: Workspace = {
  chart,
  showError,
  describe,
  session: loadSession,
  onSession: (listener) => sessionListeners.push(listener),
  reveal: revealPanel,
};

chart.on('loading', (caption) => {
  chartStatus.textContent = caption ? `Loading ${caption}…` : 'Loading…';
});
chart.on('chart', (shown) => {
  showError(null);
  const nodes = shown.nodes.length;
  const caption = chart.state().caption;
  chartStatus.dataset['nodeCount'] = String(nodes);
  chartStatus.dataset['edgeCount'] = String(shown.edges.length);
  chartStatus.textContent =
    (caption ? `${caption}: ` : '') +
    `${nodes} ${nodes === 1 ? 'entity' : 'entities'}, ${shown.edges.length} links` +
    (shown.truncated ? ' (some left out: expand fewer entities or filter)' : '');
});
chart.on('failed', (error) => {
  if (!chart.current()) chartStatus.textContent = 'The chart could not be loaded';
  showError(describe(error));
});

// The legend: each kind's pictogram as drawn in the chart.
const legend = element<HTMLUListElement>('legend');
for (const [kind, name] of Object.entries(KIND_NAMES)) {
  const item = make('li');
  item.append(kindIcon(kind), ` ${name}`);
  legend.append(item);
}

// --- sign in --------------------------------------------------------------------------------
const tokenInput = element<HTMLInputElement>('token');
const purposeInput = element<HTMLInputElement>('purpose');
const signinState = element<HTMLSpanElement>('signin-state');

function sessionChanged(): void {
  const session = loadSession();
  signinState.textContent = session ? `Signed in; purpose: ${session.purpose}` : 'Not signed in';
  if (session) purposeInput.value = session.purpose;
  for (const listener of sessionListeners) listener(session);
}

element<HTMLFormElement>('signin').addEventListener('submit', (event) => {
  event.preventDefault();
  saveSession({ token: tokenInput.value.trim(), purpose: purposeInput.value.trim() });
  tokenInput.value = '';
  showError(null);
  sessionChanged();
});
element<HTMLButtonElement>('signout').addEventListener('click', () => {
  saveSession(null);
  sessionChanged();
});

mountPanels(workspace);
sessionChanged();

/** A handle for scripts and browser tests: the canvas has no DOM to click on. */
declare global {
  interface Window {
    explorer: {
      open(id: string): Promise<void>;
      openGroup(ids: string[], caption: string): Promise<void>;
      expand(id: string): Promise<void>;
      nodeCount(): number;
      nodeIds(): string[];
    };
  }
}
window.explorer = {
  open: (id) => chart.open(id),
  openGroup: (ids, caption) => chart.openGroup(ids, caption),
  expand: (id) => chart.expand(id),
  nodeCount: () => chart.current()?.nodes.length ?? 0,
  nodeIds: () => chart.current()?.nodes.map((n) => n.id) ?? [],
};
