import { fetchExport, fetchRing, type LinkChart } from '../api.ts';
import { LINK_TYPES } from '../chart-controller.ts';
import { ringColour } from '../chart-view.ts';
import { make } from '../dom.ts';
import { KIND_NAMES, kindIcon } from '../entity-kinds.ts';
import type { Workspace, WorkspacePanel } from '../layout.ts';

const LINK_TYPE_NAMES: Record<string, string> = {
  USES_PHONE: 'Uses phone',
  CALLED: 'Called',
  RECRUITED_BY: 'Recruited by',
  KNOWS: 'Knows',
  RELATIVE_OF: 'Relative of',
  INVOLVED_IN: 'In a case',
  OPERATES: 'Operates',
};

/** The chart's own tools: the selected entity, link-type and date filters, exports, and the chart as a list. */
export const chartToolsPanel: WorkspacePanel = {
  id: 'chart-tools',
  title: 'Chart tools',
  slot: 'right',
  mount(body, workspace) {
    body.innerHTML = `
      <h3 id="selected-title">Selected</h3>
      <div id="selected" class="selected muted">Nothing selected</div>
      <div id="ring" class="ring" hidden></div>
      <h3 id="filter-title">Filters</h3>
      <form id="filters" class="stack" aria-labelledby="filter-title">
        <fieldset>
          <legend>Link types</legend>
          <div id="link-types" class="checks"></div>
        </fieldset>
        <div class="row">
          <label for="from">From</label>
          <input id="from" type="date" />
          <label for="to">To</label>
          <input id="to" type="date" />
        </div>
        <button type="submit">Apply filters</button>
      </form>
      <h3 id="export-title">Export</h3>
      <div class="exports" role="group" aria-labelledby="export-title">
        <button type="button" data-export="GRAPHML">GraphML</button>
        <button type="button" data-export="GEXF">GEXF</button>
        <button type="button" data-export="I2_CSV">CSV (i2)</button>
        <button type="button" data-export="JSON">JSON</button>
      </div>
      <h3 id="nodes-title">Entities in the chart</h3>
      <ul id="node-list" class="node-list" aria-labelledby="nodes-title"></ul>`;
    const get = <T extends HTMLElement>(id: string) => body.querySelector<T>(`#${id}`)!;
    const selected = get<HTMLDivElement>('selected');
    const ringBox = get<HTMLDivElement>('ring');
    const nodeList = get<HTMLUListElement>('node-list');
    const typeBoxes = get<HTMLDivElement>('link-types');
    const fromInput = get<HTMLInputElement>('from');
    const toInput = get<HTMLInputElement>('to');
    const chart = workspace.chart;

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

    get<HTMLFormElement>('filters').addEventListener('submit', (event) => {
      event.preventDefault();
      const checked = [...typeBoxes.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
      void chart.setFilters({
        // All types checked: no filter, so crossings and checkpoints are shown too.
        linkTypes: checked.length === LINK_TYPES.length ? null : checked,
        from: fromInput.value ? `${fromInput.value}T00:00:00Z` : null,
        to: toInput.value ? `${toInput.value}T23:59:59Z` : null,
      });
    });
    // Another panel (the timeline's brush) may set the period: the inputs follow it.
    chart.on('filters', (filters) => {
      fromInput.value = filters.from?.slice(0, 10) ?? '';
      toInput.value = filters.to?.slice(0, 10) ?? '';
      for (const box of typeBoxes.querySelectorAll<HTMLInputElement>('input')) {
        box.checked = !filters.linkTypes || filters.linkTypes.includes(box.value);
      }
    });

    chart.on('chart', (shown) => renderNodeList(shown));
    chart.on('select', (id) => renderSelected(id));

    for (const exportButton of body.querySelectorAll<HTMLButtonElement>('[data-export]')) {
      exportButton.addEventListener('click', () => {
        if (!chart.current()) {
          workspace.showError('Open an entity first: the export is of the chart on screen.');
          return;
        }
        fetchExport(chart.args(), exportButton.dataset['export']!)
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
          .catch((error: unknown) => workspace.showError(workspace.describe(error)));
      });
    }

    function renderNodeList(shown: LinkChart): void {
      nodeList.replaceChildren();
      const nodes = [...shown.nodes].sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
      for (const node of nodes) {
        const item = make('li');
        item.dataset['nodeId'] = node.id;
        const show = make('button');
        show.type = 'button';
        const swatch = make('span', undefined, 'swatch');
        swatch.style.background = ringColour(node.ringId);
        show.append(
          swatch,
          kindIcon(node.kind),
          ` ${node.label} `,
          make('span', `(${KIND_NAMES[node.kind] ?? node.kind})`, 'muted'),
        );
        show.addEventListener('click', () => chart.select(node.id));
        item.append(show);
        if (node.collapsedCount === null && !chart.hasSeed(node.id)) {
          const grow = make('button', `Expand ${node.label}`, 'expand');
          grow.type = 'button';
          grow.dataset['expand'] = node.id;
          grow.addEventListener('click', () => void chart.expand(node.id));
          item.append(grow);
        }
        nodeList.append(item);
      }
    }

    function renderSelected(id: string): void {
      const node = chart.current()?.nodes.find((n) => n.id === id);
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
        const links = chart.current()!.edges.filter((e) => e.source === id || e.target === id).length;
        row('Links in chart', String(links));
      }
      row('Ring', node.ringId ?? 'none');
      selected.replaceChildren(list);
      if (node.collapsedCount === null && !chart.hasSeed(node.id)) {
        const grow = make('button', 'Expand');
        grow.type = 'button';
        grow.addEventListener('click', () => void chart.expand(node.id));
        selected.append(grow);
      }
      void showRingFactors(workspace, ringBox, node.ringId);
    }
  },
};

async function showRingFactors(workspace: Workspace, box: HTMLElement, ringId: string | null): Promise<void> {
  box.hidden = !ringId;
  if (!ringId) return;
  box.replaceChildren(make('p', 'Loading the ring…'));
  try {
    const ring = await fetchRing(ringId);
    if (!ring) {
      box.replaceChildren(make('p', 'This ring is no longer current.'));
      return;
    }
    const factors = make('ul');
    for (const f of ring.factors) factors.append(make('li', `${f.description} (+${f.contribution.toFixed(1)})`));
    box.replaceChildren(
      make('h4', `Ring score ${ring.score.toFixed(0)} / 100, ${ring.size} members`),
      make('p', ring.summary),
      factors,
    );
  } catch (error) {
    box.replaceChildren(make('p', `The ring's factors cannot be shown: ${workspace.describe(error)}`, 'error'));
  }
}
