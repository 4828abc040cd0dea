import { currentUser, fetchRingQueue, type RingQueueFilter, type RingQueueItem, type RingStatus } from '../api.ts';
import { button, make } from '../dom.ts';
import type { WorkspacePanel } from '../layout.ts';
import { onRingChanged, openRing, shortRingId } from '../ring-events.ts';

type AssigneeChoice = 'me' | 'unassigned' | 'anyone';

/**
 * Ring candidates best first, with score, size, main factors and status; filtered by status,
 * score and assignee, "mine and open" by default. Opening one shows it in the Ring panel and
 * charts its members.
 */
export const ringQueuePanel: WorkspacePanel = {
  id: 'ring-queue',
  title: 'Ring queue',
  slot: 'left',
  mount(body, workspace) {
    const form = make('form', undefined, 'queue-filters');
    form.innerHTML = `
      <div class="row">
        <label for="queue-status">Status</label>
        <select id="queue-status">
          <option value="OPEN" selected>Open</option>
          <option value="CONFIRMED">Confirmed</option>
          <option value="DISMISSED">Dismissed</option>
          <option value="">Any</option>
        </select>
        <label for="queue-assignee">Assignee</label>
        <select id="queue-assignee">
          <option value="me" selected>Mine</option>
          <option value="unassigned">Nobody</option>
          <option value="anyone">Anyone</option>
        </select>
      </div>
      <div class="row">
        <label for="queue-min-score">Score at least</label>
        <input id="queue-min-score" type="number" min="0" max="100" step="5" value="0" />
        <button type="submit">Show</button>
      </div>`;
    const status = make('p', '', 'muted');
    status.id = 'queue-status-line';
    status.setAttribute('aria-live', 'polite');
    const list = make('ol', undefined, 'queue');
    list.id = 'ring-queue-list';
    list.setAttribute('aria-label', 'Ring candidates, best first');
    body.append(form, status, list);

    const statusSelect = form.querySelector<HTMLSelectElement>('#queue-status')!;
    const assigneeSelect = form.querySelector<HTMLSelectElement>('#queue-assignee')!;
    const minScore = form.querySelector<HTMLInputElement>('#queue-min-score')!;

    function filter(): RingQueueFilter {
      const choice = assigneeSelect.value as AssigneeChoice;
      return {
        statuses: statusSelect.value ? [statusSelect.value as RingStatus] : null,
        assignee: choice === 'me' ? currentUser() : null,
        unassigned: choice === 'unassigned',
        minScore: Number(minScore.value) || 0,
      };
    }

    let loading = 0;
    async function load(): Promise<void> {
      if (!workspace.session()) {
        status.textContent = 'Sign in to see the ring queue.';
        list.replaceChildren();
        return;
      }
      const mine = ++loading;
      status.textContent = 'Loading…';
      try {
        const { rings, total } = await fetchRingQueue(filter());
        if (mine !== loading) return;
        status.textContent = total === rings.length ? `${total} rings` : `${rings.length} of ${total} rings`;
        list.replaceChildren(...rings.map(row));
        if (!rings.length) {
          const empty = make('li', undefined, 'empty');
          empty.append(make('p', 'No ring matches these filters.'));
          if (assigneeSelect.value === 'me') {
            empty.append(
              button('Show everyone’s', () => {
                assigneeSelect.value = 'anyone';
                void load();
              }),
            );
          }
          list.append(empty);
        }
      } catch (error) {
        if (mine !== loading) return;
        status.textContent = 'The ring queue could not be loaded.';
        workspace.showError(workspace.describe(error));
      }
    }

    function row(ring: RingQueueItem): HTMLLIElement {
      const item = make('li');
      item.dataset['ringId'] = ring.id;
      const open = make('button', undefined, 'queue-item');
      open.type = 'button';
      open.dataset['ringId'] = ring.id;
      const score = make('span', ring.score.toFixed(0), 'score');
      score.setAttribute('aria-label', `score ${ring.score.toFixed(0)}`);
      const head = make('span', undefined, 'queue-head');
      head.append(
        score,
        make('span', `${ring.size} members`, 'size'),
        make('span', ring.status.toLowerCase(), `status status-${ring.status.toLowerCase()}`),
        make('span', ring.assignee ? `@${ring.assignee}` : 'unassigned', 'assignee'),
      );
      const factors = [...ring.factors].sort((a, b) => b.contribution - a.contribution).slice(0, 2);
      const main = make('span', factors.map((f) => f.description).join(' · '), 'factors');
      open.append(head, main);
      open.setAttribute(
        'aria-label',
        `Ring ${shortRingId(ring.id)}, score ${ring.score.toFixed(0)}, ${ring.size} members, ${ring.status.toLowerCase()}`,
      );
      open.addEventListener('click', () => {
        for (const other of list.querySelectorAll('[aria-current]')) other.removeAttribute('aria-current');
        open.setAttribute('aria-current', 'true');
        openRing(ring.id);
      });
      item.append(open);
      return item;
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void load();
    });
    statusSelect.addEventListener('change', () => void load());
    assigneeSelect.addEventListener('change', () => void load());
    workspace.onSession(() => void load());
    onRingChanged(() => void load());
  },
};
