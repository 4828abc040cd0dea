import { currentUser, fetchAlerts, subscribeAlerts, updateAlert, type AlertItem } from '../api.ts';
import { button, formatTime, make } from '../dom.ts';
import type { Workspace, WorkspacePanel } from '../layout.ts';

const SEVERITY_MARK: Record<AlertItem['severity'], string> = { CRITICAL: '▲▲', HIGH: '▲', MEDIUM: '●', LOW: '○' };
const ACTIVE: AlertItem['status'][] = ['OPEN', 'ACKNOWLEDGED', 'ESCALATED'];
const DISPOSITIONS = [
  'Referred to a case',
  'Handled by the border post',
  'Known already: no action',
  'False alarm: ordinary travel or trade',
  'Data error',
];
/** After the live stream drops, wait this long before reconnecting (and reloading the list). */
const RECONNECT_MS = 3_000;

/**
 * The alert inbox: the alerts of the early-warning rules, newest first, live from the
 * alertRaised subscription; open the chart around one, acknowledge it, assign it, close it with a
 * disposition (asked for in a dialog).
 */
export const alertInboxPanel: WorkspacePanel = {
  id: 'alerts',
  title: 'Alerts',
  slot: 'left',
  mount(body, workspace) {
    const bar = make('div', undefined, 'row');
    const showLabel = make('label', 'Show');
    showLabel.htmlFor = 'alert-filter';
    const show = make('select');
    show.id = 'alert-filter';
    show.innerHTML = '<option value="active" selected>Not closed</option><option value="all">All</option>';
    const live = make('span', 'offline', 'live muted');
    live.id = 'alert-live';
    live.setAttribute('aria-live', 'polite');
    bar.append(showLabel, show, live);
    const list = make('ol', undefined, 'alerts');
    list.id = 'alert-list';
    list.setAttribute('aria-label', 'Alerts, newest first');
    body.append(bar, list);
    const dialog = closeDialog(workspace, (updated) => upsert(updated));
    document.body.append(dialog.element);

    const alerts = new Map<string, AlertItem>();
    let unsubscribe: (() => void) | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;

    function render(): void {
      const shown = [...alerts.values()]
        .filter((a) => show.value === 'all' || ACTIVE.includes(a.status))
        .sort(
          (a, b) => (b.updatedAt ?? b.raisedAt).localeCompare(a.updatedAt ?? a.raisedAt) || b.id.localeCompare(a.id),
        );
      list.replaceChildren(...shown.map(row));
      if (!shown.length) list.append(make('li', 'No alerts.', 'muted empty'));
    }

    function upsert(alert: AlertItem): void {
      alerts.set(alert.id, alert);
      render();
    }

    function row(alert: AlertItem): HTMLLIElement {
      const item = make('li', undefined, `alert severity-${alert.severity.toLowerCase()}`);
      item.dataset['alertId'] = alert.id;
      item.dataset['status'] = alert.status;
      const head = make('div', undefined, 'alert-head');
      const severity = make('span', `${SEVERITY_MARK[alert.severity]} ${alert.severity}`, 'severity');
      head.append(
        severity,
        make('span', alert.status.toLowerCase(), 'status'),
        make('span', formatTime(alert.updatedAt ?? alert.raisedAt), 'muted'),
      );
      const summary = make('p', alert.summary, 'summary');
      const meta = make(
        'p',
        `${alert.rule.toLowerCase().replace(/_/g, ' ')}${alert.assignee ? ` · assigned to ${alert.assignee}` : ''}` +
          (alert.disposition ? ` · closed: ${alert.disposition}` : ''),
        'muted meta',
      );
      const actions = make('div', undefined, 'row actions');
      actions.setAttribute('role', 'group');
      actions.setAttribute('aria-label', 'Alert actions');
      if (alert.entities.length) {
        actions.append(
          button(
            'Open chart',
            () =>
              void workspace.chart.openGroup(
                alert.entities.map((e) => e.id),
                `Alert ${alert.rule.toLowerCase().replace(/_/g, ' ')}`,
              ),
          ),
        );
      }
      if (alert.status !== 'CLOSED') {
        if (alert.status === 'OPEN')
          actions.append(button('Acknowledge', () => void change(alert, { status: 'ACKNOWLEDGED' })));
        const me = currentUser();
        if (me && alert.assignee !== me) {
          actions.append(
            button('Assign to me', () => void change(alert, { status: alert.status, assignee: me }), 'secondary'),
          );
        }
        actions.append(button('Close…', () => dialog.open(alert), 'secondary'));
      }
      item.append(head, summary, meta, actions);
      return item;
    }

    async function change(alert: AlertItem, update: Parameters<typeof updateAlert>[1]): Promise<void> {
      try {
        upsert(await updateAlert(alert.id, update));
      } catch (error) {
        workspace.showError(workspace.describe(error));
      }
    }

    async function reload(): Promise<void> {
      try {
        const found = await fetchAlerts(show.value === 'all' ? null : ACTIVE);
        for (const alert of found) alerts.set(alert.id, alert);
        render();
      } catch (error) {
        workspace.showError(workspace.describe(error));
      }
    }

    function connect(): void {
      unsubscribe?.();
      clearTimeout(retry);
      if (!workspace.session()) {
        live.textContent = 'offline: sign in';
        return;
      }
      live.textContent = 'connecting…';
      unsubscribe = subscribeAlerts({
        open: () => {
          live.textContent = 'live';
          live.dataset['live'] = 'true';
          // What was raised before the stream opened comes from the list.
          void reload();
        },
        alert: (alert) => upsert(alert),
        closed: (error) => {
          delete live.dataset['live'];
          live.textContent = error ? `offline: ${error.message}` : 'offline';
          if (error?.code === 'UNAUTHENTICATED' || error?.code === 'FORBIDDEN' || error?.code === 'PURPOSE_REQUIRED')
            return;
          retry = setTimeout(connect, RECONNECT_MS);
        },
      });
    }

    show.addEventListener('change', () => {
      render();
      if (show.value === 'all') void reload();
    });
    workspace.onSession(() => {
      alerts.clear();
      render();
      connect();
    });
  },
};

/** Closing asks for the disposition: why the alert is closed (required by the service too). */
function closeDialog(workspace: Workspace, done: (alert: AlertItem) => void) {
  const element = make('dialog');
  element.id = 'close-alert-dialog';
  element.setAttribute('aria-labelledby', 'close-alert-title');
  const form = make('form', undefined, 'stack');
  const title = make('h2', 'Close the alert');
  title.id = 'close-alert-title';
  const label = make('label', 'Disposition: why is it closed?');
  label.htmlFor = 'alert-disposition';
  const input = make('input');
  input.id = 'alert-disposition';
  input.required = true;
  input.maxLength = 2000;
  input.setAttribute('list', 'alert-dispositions');
  const options = make('datalist');
  options.id = 'alert-dispositions';
  for (const d of DISPOSITIONS) {
    const option = make('option');
    option.value = d;
    options.append(option);
  }
  const submit = make('button', 'Close alert');
  submit.type = 'submit';
  const row = make('div', undefined, 'row');
  row.append(
    submit,
    button('Cancel', () => element.close(), 'secondary'),
  );
  form.append(title, label, input, options, row);
  element.append(form);
  let alert: AlertItem | null = null;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const disposition = input.value.trim();
    if (!alert || !disposition) return;
    updateAlert(alert.id, { status: 'CLOSED', disposition })
      .then((updated) => {
        element.close();
        done(updated);
      })
      .catch((error: unknown) => workspace.showError(workspace.describe(error)));
  });
  return {
    element,
    open(next: AlertItem) {
      alert = next;
      input.value = '';
      element.showModal();
      input.focus();
    },
  };
}
