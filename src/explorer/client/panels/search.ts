import { searchEntities } from '../api.ts';
import { make } from '../dom.ts';
import { KIND_NAMES, kindIcon } from '../entity-kinds.ts';
import type { WorkspacePanel } from '../layout.ts';

/** Find a person, phone or broker by name, number or document, and open its chart. */
export const searchPanel: WorkspacePanel = {
  id: 'search',
  title: 'Search',
  slot: 'left',
  mount(body, workspace) {
    const form = make('form');
    form.id = 'search-form';
    form.className = 'stack';
    form.innerHTML = `
      <label for="search-text">Name, phone or document number</label>
      <div class="row">
        <input id="search-text" name="text" type="search" required placeholder="nguyen van hung, 0912 345 678…" />
        <label class="visually-hidden" for="search-kind">Kind</label>
        <select id="search-kind" name="kind">
          <option value="">All</option>
          <option value="PERSON">People</option>
          <option value="PHONE">Phones</option>
          <option value="BROKER">Brokers</option>
        </select>
        <button type="submit">Search</button>
      </div>`;
    const status = make('p', '', 'muted');
    status.id = 'search-status';
    status.setAttribute('aria-live', 'polite');
    const results = make('ul', undefined, 'results');
    results.id = 'results';
    body.append(form, status, results);

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = form.querySelector<HTMLInputElement>('#search-text')!.value.trim();
      const kind = form.querySelector<HTMLSelectElement>('#search-kind')!.value;
      if (!text) return;
      status.textContent = 'Searching…';
      searchEntities(text, kind ? [kind] : null)
        .then((hits) => {
          workspace.showError(null);
          status.textContent = hits.length ? `${hits.length} found` : 'Nothing found';
          results.replaceChildren(
            ...hits.map((hit) => {
              const item = make('li');
              const open = make('button');
              open.type = 'button';
              open.dataset['entityId'] = hit.entity.id;
              open.append(
                kindIcon(hit.entity.kind),
                ` ${hit.entity.label}`,
                make(
                  'span',
                  `${KIND_NAMES[hit.entity.kind] ?? hit.entity.kind}, ${hit.matchedOn}, score ${hit.score}`,
                  'meta',
                ),
              );
              open.addEventListener('click', () => void workspace.chart.open(hit.entity.id));
              item.append(open);
              return item;
            }),
          );
        })
        .catch((error: unknown) => {
          status.textContent = '';
          workspace.showError(workspace.describe(error));
        });
    });
  },
};
