import {
  ApiError,
  fetchChart,
  fetchExport,
  fetchRing,
  loadSession,
  saveSession,
  searchEntities,
  type ChartArgs,
  type LinkChart,
} from './api.ts';
import { ChartView, ringColour } from './chart-view.ts';

const LINK_TYPES = ['USES_PHONE', 'CALLED', 'RECRUITED_BY', 'KNOWS', 'RELATIVE_OF', 'INVOLVED_IN', 'OPERATES'];
const LINK_TYPE_NAMES: Record<string, string> = {
  USES_PHONE: 'Uses phone',
  CALLED: 'Called',
  RECRUITED_BY: 'Recruited by',
  KNOWS: 'Knows',
  RELATIVE_OF: 'Relative of',
  INVOLVED_IN: 'In a case',
  OPERATES: 'Operates',
};
const KIND_NAMES: Record<string, string> = {
  PERSON: 'Person',
  PHONE: 'Phone',
  BROKER: 'Broker',
  CASE: 'Case',
  BORDER_CROSSING: 'Border crossing',
  CHECKPOINT: 'Checkpoint',
};
/** The explorer grows a chart one hop at a time from every entity the user opened or expanded. */
const MAX_NODES = 500;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const errorBox = element<HTMLDivElement>('error');
const chartStatus = element<HTMLParagraphElement>('chart-status');
const nodeList = element<HTMLUListElement>('node-list');
const selected = element<HTMLDivElement>('selected');
const ringPanel = element<HTMLDivElement>('ring');

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

const state = {
  seeds: [] as string[],
  chart: null as LinkChart | null,
  selectedId: null as string | null,
};

const view = new ChartView(element('graph'), {
  select: (id) => select(id),
  expand: (id) => void expand(id),
});

// --- sign in -------------------------------------------------------------------------
const tokenInput = element<HTMLInputElement>('token');
const purposeInput = element<HTMLInputElement>('purpose');
const signinState = element<HTMLSpanElement>('signin-state');

function showSession(): void {
  const session = loadSession();
  signinState.textContent = session ? `Signed in; purpose: ${session.purpose}` : 'Not signed in';
  if (session) purposeInput.value = session.purpose;
}

element<HTMLFormElement>('signin').addEventListener('submit', (event) => {
  event.preventDefault();
  saveSession({ token: tokenInput.value.trim(), purpose: purposeInput.value.trim() });
  tokenInput.value = '';
  showSession();
  showError(null);
});
element<HTMLButtonElement>('signout').addEventListener('click', () => {
  saveSession(null);
  showSession();
});

// --- filters -------------------------------------------------------------------------
const typeBoxes = element<HTMLDivElement>('link-types');
for (const type of LINK_TYPES) {
  const label = make('label');
  const box = make('input');
  box.type = 'checkbox';
  box.value = type;
  box.checked = true;
  box.name = 'linkType';
  label.append(box, ` ${LINK_TYPE_NAMES[type]}`);
  typeBoxes.append(label);
}

function chartArgs(): ChartArgs {
  const checked = [...typeBoxes.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value);
  const from = element<HTMLInputElement>('from').value;
  const to = element<HTMLInputElement>('to').value;
  return {
    seeds: state.seeds,
    depth: 1,
    maxNodes: MAX_NODES,
    // All types checked: no filter, so crossings and checkpoints are shown too.
    linkTypes: checked.length === LINK_TYPES.length ? null : checked,
    from: from ? `${from}T00:00:00Z` : null,
    to: to ? `${to}T23:59:59Z` : null,
  };
}

element<HTMLFormElement>('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  if (state.seeds.length) void load();
});

// --- chart ---------------------------------------------------------------------------
async function load(): Promise<void> {
  const args = chartArgs();
  if (args.linkTypes && args.linkTypes.length === 0) {
    showError('Choose at least one link type.');
    return;
  }
  chartStatus.textContent = 'Loading…';
  try {
    const chart = await fetchChart(args);
    state.chart = chart;
    showError(view.show(chart));
    renderNodeList(chart);
    const nodes = chart.nodes.length;
    chartStatus.dataset['nodeCount'] = String(nodes);
    chartStatus.dataset['edgeCount'] = String(chart.edges.length);
    chartStatus.textContent =
      `${nodes} ${nodes === 1 ? 'entity' : 'entities'}, ${chart.edges.length} links` +
      (chart.truncated ? ' (some left out: expand fewer entities or filter)' : '');
    if (state.selectedId && chart.nodes.some((n) => n.id === state.selectedId)) select(state.selectedId);
  } catch (error) {
    chartStatus.textContent = 'The chart could not be loaded';
    showError(describe(error));
  }
}

async function open(id: string): Promise<void> {
  state.seeds = [id];
  state.selectedId = id;
  await load();
}

async function expand(id: string): Promise<void> {
  if (id.startsWith('collapsed:')) {
    select(id);
    return;
  }
  if (!state.seeds.includes(id)) state.seeds = [...state.seeds, id];
  state.selectedId = id;
  await load();
}

function renderNodeList(chart: LinkChart): void {
  nodeList.replaceChildren();
  const nodes = [...chart.nodes].sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  for (const node of nodes) {
    const item = make('li');
    item.dataset['nodeId'] = node.id;
    const show = make('button');
    show.type = 'button';
    const swatch = make('span', undefined, 'swatch');
    swatch.style.background = ringColour(node.ringId);
    show.append(swatch, `${node.label} `, make('span', `(${KIND_NAMES[node.kind] ?? node.kind})`, 'muted'));
    show.addEventListener('click', () => select(node.id));
    item.append(show);
    if (node.collapsedCount === null && !state.seeds.includes(node.id)) {
      const grow = make('button', `Expand ${node.label}`);
      grow.type = 'button';
      grow.className = 'expand';
      grow.dataset['expand'] = node.id;
      grow.addEventListener('click', () => void expand(node.id));
      item.append(grow);
    }
    nodeList.append(item);
  }
}

function select(id: string): void {
  const node = state.chart?.nodes.find((n) => n.id === id);
  state.selectedId = id;
  view.highlight(id);
  if (!node) return;
  selected.classList.remove('muted');
  const list = make('dl');
  const row = (term: string, value: string) => list.append(make('dt', term), make('dd', value));
  row('Name', node.label);
  row('Kind', KIND_NAMES[node.kind] ?? node.kind);
  if (node.collapsedCount !== null) {
    row('Stands for', `${node.collapsedCount} entities left out at a hub`);
  } else {
    row('Id', node.id);
    row('Links in chart', String(state.chart!.edges.filter((e) => e.source === id || e.target === id).length));
  }
  row('Ring', node.ringId ?? 'none');
  selected.replaceChildren(list);
  if (node.collapsedCount === null && !state.seeds.includes(node.id)) {
    const grow = make('button', 'Expand');
    grow.type = 'button';
    grow.addEventListener('click', () => void expand(node.id));
    selected.append(grow);
  }
  void showRing(node.ringId);
}

async function showRing(ringId: string | null): Promise<void> {
  ringPanel.hidden = !ringId;
  if (!ringId) return;
  ringPanel.replaceChildren(make('p', 'Loading the ring…'));
  try {
    const ring = await fetchRing(ringId);
    if (!ring) {
      ringPanel.replaceChildren(make('p', 'This ring is no longer current.'));
      return;
    }
    const factors = make('ul');
    for (const f of ring.factors) factors.append(make('li', `${f.description} (+${f.contribution.toFixed(1)})`));
    ringPanel.replaceChildren(
      make('h3', `Ring score ${ring.score.toFixed(0)} / 100, ${ring.size} members`),
      make('p', ring.summary),
      factors,
    );
  } catch (error) {
    ringPanel.replaceChildren(make('p', `The ring's factors cannot be shown: ${describe(error)}`, 'error'));
  }
}

// --- search --------------------------------------------------------------------------
const results = element<HTMLUListElement>('results');
const searchStatus = element<HTMLParagraphElement>('search-status');
element<HTMLFormElement>('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = element<HTMLInputElement>('search-text').value.trim();
  const kind = element<HTMLSelectElement>('search-kind').value;
  if (!text) return;
  searchStatus.textContent = 'Searching…';
  searchEntities(text, kind ? [kind] : null)
    .then((hits) => {
      showError(null);
      searchStatus.textContent = hits.length ? `${hits.length} found` : 'Nothing found';
      results.replaceChildren(
        ...hits.map((hit) => {
          const item = make('li');
          const button = make('button', hit.entity.label);
          button.type = 'button';
          button.dataset['entityId'] = hit.entity.id;
          button.append(
            make(
              'span',
              `${KIND_NAMES[hit.entity.kind] ?? hit.entity.kind}, ${hit.matchedOn}, score ${hit.score}`,
              'meta',
            ),
          );
          button.addEventListener('click', () => void open(hit.entity.id));
          item.append(button);
          return item;
        }),
      );
    })
    .catch((error: unknown) => {
      searchStatus.textContent = '';
      showError(describe(error));
    });
});

// --- export --------------------------------------------------------------------------
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-export]')) {
  button.addEventListener('click', () => {
    if (!state.seeds.length) {
      showError('Open an entity first: the export is of the chart on screen.');
      return;
    }
    fetchExport(chartArgs(), button.dataset['export']!)
      .then((files) => {
        for (const file of files) {
          const link = make('a');
          link.href = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
          link.download = file.filename;
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
        }
      })
      .catch((error: unknown) => showError(describe(error)));
  });
}

showSession();

/** A handle for scripts and browser tests: the canvas has no DOM to click on. */
declare global {
  interface Window {
    explorer: { open(id: string): Promise<void>; expand(id: string): Promise<void>; nodeCount(): number };
  }
}
window.explorer = { open, expand, nodeCount: () => state.chart?.nodes.length ?? 0 };
