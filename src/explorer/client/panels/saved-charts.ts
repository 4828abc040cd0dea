import type { Session } from '../api.ts';
import { button, formatTime, make } from '../dom.ts';
import type { WorkspacePanel } from '../layout.ts';
import {
  deleteSavedChart,
  exportSavedChart,
  importSavedChart,
  listSavedCharts,
  openSavedChart,
  saveChart,
  shareChart,
  type SavedChartSummary,
} from '../workspace-api.ts';

/** The signed-in user's name as the token gives it (sub), to offer sharing and deleting on their own charts only. */
function signedInAs(session: Session | null): string | null {
  const payload = session?.token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

function names(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/**
 * Keep the chart as it is (its entities, their positions, the filters and a note), open it
 * again, share it with named users or agencies, and carry it elsewhere as a JSON file. Whoever
 * opens a chart sees its entities as their own clearance allows: the service keeps ids, not names.
 */
export const savedChartsPanel: WorkspacePanel = {
  id: 'saved-charts',
  title: 'Saved charts',
  slot: 'right',
  mount(body, workspace) {
    const form = make('form', undefined, 'stack');
    form.id = 'save-chart-form';
    form.innerHTML = `
      <label for="saved-name">Name</label>
      <input id="saved-name" name="name" required maxlength="200" placeholder="e.g. HS-2024-0153 Mong Cai exits" />
      <label for="saved-note">Note</label>
      <textarea id="saved-note" name="note" rows="2" maxlength="4000"></textarea>`;
    const save = make('button', 'Save chart');
    save.type = 'submit';
    form.append(save);

    const importLabel = make('label', 'Import a chart file (JSON)');
    importLabel.htmlFor = 'saved-import';
    const importInput = make('input');
    importInput.type = 'file';
    importInput.id = 'saved-import';
    importInput.accept = 'application/json,.json';

    const status = make('p', '', 'muted');
    status.id = 'saved-status';
    status.setAttribute('aria-live', 'polite');
    const opened = make('div', undefined, 'saved-opened');
    opened.id = 'saved-opened';
    opened.hidden = true;
    const list = make('ul', undefined, 'saved-list');
    list.id = 'saved-list';
    list.setAttribute('aria-label', 'Your saved charts and those shared with you');
    body.append(form, importLabel, importInput, status, opened, list);

    const fail = (error: unknown) => {
      status.textContent = '';
      workspace.showError(workspace.describe(error));
    };

    const refresh = async () => {
      if (!workspace.session()) {
        list.replaceChildren();
        return;
      }
      try {
        render(await listSavedCharts());
      } catch (error) {
        fail(error);
      }
    };

    const render = (charts: SavedChartSummary[]) => {
      const me = signedInAs(workspace.session());
      list.replaceChildren();
      if (!charts.length) list.append(make('li', 'No saved charts yet.', 'muted'));
      for (const chart of charts) {
        const item = make('li');
        item.dataset['chartId'] = chart.id;
        const mine = chart.owner === me;
        const shared = [...chart.sharing.users, ...chart.sharing.agencies.map((a) => `agency ${a}`)];
        item.append(
          make('strong', chart.name),
          make(
            'span',
            ` ${mine ? 'yours' : `by ${chart.owner}`}, ${formatTime(chart.updatedAt)}` +
              (shared.length ? `; shared with ${shared.join(', ')}` : ''),
            'muted',
          ),
        );
        const actions = make('div', undefined, 'row actions');
        actions.append(
          button(`Open`, () => void open(chart.id)),
          button(`Export`, () => void download(chart.id)),
        );
        if (mine) {
          actions.append(
            button('Share', () => shareForm(item, chart)),
            button('Delete', () => void remove(chart)),
          );
        }
        for (const action of actions.querySelectorAll('button')) {
          action.setAttribute('aria-label', `${action.textContent} ${chart.name}`);
        }
        item.append(actions);
        list.append(item);
      }
    };

    const open = async (id: string) => {
      try {
        const chart = await openSavedChart(id);
        if (!chart) {
          status.textContent = 'That chart is no longer there, or no longer shared with you.';
          await refresh();
          return;
        }
        workspace.chart.present(chart.chart, {
          seeds: chart.seeds,
          filters: { linkTypes: chart.filters.linkTypes, from: chart.filters.from, to: chart.filters.to },
          selectedId: null,
          caption: `Saved chart “${chart.name}”`,
        });
        opened.hidden = false;
        opened.dataset['chartId'] = chart.id;
        opened.replaceChildren(
          make('h3', chart.name),
          make('p', chart.note ?? 'No note.', chart.note ? 'note' : 'muted'),
        );
        status.textContent = `Opened “${chart.name}” (${chart.chart.nodes.length} entities).`;
      } catch (error) {
        fail(error);
      }
    };

    const download = async (id: string) => {
      try {
        const file = await exportSavedChart(id);
        const link = make('a');
        link.href = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
        link.download = file.filename;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      } catch (error) {
        fail(error);
      }
    };

    const remove = async (chart: SavedChartSummary) => {
      if (!confirm(`Delete the saved chart “${chart.name}”?`)) return;
      try {
        await deleteSavedChart(chart.id);
        status.textContent = `Deleted “${chart.name}”.`;
        await refresh();
      } catch (error) {
        fail(error);
      }
    };

    const shareForm = (item: HTMLLIElement, chart: SavedChartSummary) => {
      item.querySelector('form')?.remove();
      const share = make('form', undefined, 'stack share-form');
      const id = `share-${chart.id}`;
      share.innerHTML = `
        <label for="${id}-users">Share with users (comma-separated)</label>
        <input id="${id}-users" name="users" />
        <label for="${id}-agencies">Share with agencies (comma-separated)</label>
        <input id="${id}-agencies" name="agencies" />`;
      const users = share.querySelector<HTMLInputElement>(`[name="users"]`)!;
      const agencies = share.querySelector<HTMLInputElement>(`[name="agencies"]`)!;
      users.value = chart.sharing.users.join(', ');
      agencies.value = chart.sharing.agencies.join(', ');
      const submit = make('button', 'Save sharing');
      submit.type = 'submit';
      share.append(submit);
      share.addEventListener('submit', (event) => {
        event.preventDefault();
        shareChart(chart.id, names(users.value), names(agencies.value))
          .then(async (updated) => {
            status.textContent = `“${updated.name}” is shared with ${
              [...updated.sharing.users, ...updated.sharing.agencies.map((a) => `agency ${a}`)].join(', ') || 'no one'
            }.`;
            await refresh();
          })
          .catch(fail);
      });
      item.append(share);
      users.focus();
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const shown = workspace.chart.current();
      if (!shown) {
        workspace.showError('Open a chart first: a saved chart is the chart on screen.');
        return;
      }
      const state = workspace.chart.state();
      const positions = workspace.chart.positions();
      const entities = shown.nodes
        .filter((n) => n.collapsedCount === null)
        .map((n) => ({ id: n.id, x: positions[n.id]?.x ?? n.x ?? 0, y: positions[n.id]?.y ?? n.y ?? 0 }));
      const name = form.querySelector<HTMLInputElement>('#saved-name')!;
      const note = form.querySelector<HTMLTextAreaElement>('#saved-note')!;
      saveChart({
        name: name.value.trim(),
        note: note.value.trim() || null,
        seeds: state.seeds.filter((id) => entities.some((e) => e.id === id)),
        entities,
        filters: { depth: 1, ...state.filters },
      })
        .then(async (saved) => {
          status.textContent = `Saved “${saved.name}”.`;
          name.value = '';
          note.value = '';
          await refresh();
        })
        .catch(fail);
    });

    importInput.addEventListener('change', () => {
      const file = importInput.files?.[0];
      if (!file) return;
      file
        .text()
        .then((text) => importSavedChart(text))
        .then(async (saved) => {
          status.textContent = `Imported “${saved.name}”.`;
          importInput.value = '';
          await refresh();
        })
        .catch((error: unknown) => {
          importInput.value = '';
          fail(error);
        });
    });

    workspace.onSession(() => void refresh());
  },
};
