import { CONFIRM_REASONS, DISMISS_REASONS } from '../../../rings/triage/triage-vocabulary.ts';
import { addRingNote, assignRing, currentUser, fetchRingOpened, triageRing, type RingOpened } from '../api.ts';
import { button, formatTime, make } from '../dom.ts';
import { KIND_NAMES, kindIcon } from '../entity-kinds.ts';
import type { Workspace, WorkspacePanel } from '../layout.ts';
import { REASON_NAMES, onOpenRing, ringChanged, shortRingId } from '../ring-events.ts';

/**
 * The ring opened from the queue: its members with roles, its factors in sentences, the evidence
 * links with the agency records behind them, notes, its triage history, and the triage itself
 * (assign, confirm or dismiss with a reason, reopen). Its members are charted in the centre.
 */
export const ringDetailsPanel: WorkspacePanel = {
  id: 'ring',
  title: 'Ring',
  slot: 'right',
  mount(body, workspace) {
    let ring: RingOpened | null = null;
    body.append(make('p', 'Open a ring from the ring queue.', 'muted'));
    const dialog = verdictDialog(workspace, () => ring, show);
    document.body.append(dialog.element);

    onOpenRing((id) => void open(id));

    async function open(id: string): Promise<void> {
      body.replaceChildren(make('p', 'Loading the ring…', 'muted'));
      workspace.reveal('ring');
      try {
        const found = await fetchRingOpened(id);
        if (!found) {
          body.replaceChildren(make('p', 'This ring is no longer current.'));
          return;
        }
        show(found);
        await workspace.chart.openGroup(
          found.members.map((m) => m.entity.id),
          `Ring ${shortRingId(found.id)}`,
        );
      } catch (error) {
        body.replaceChildren(make('p', 'The ring could not be opened.', 'error'));
        workspace.showError(workspace.describe(error));
      }
    }

    function show(opened: RingOpened): void {
      ring = opened;
      const labels = new Map(opened.members.map((m) => [m.entity.id, m.entity.label]));
      const head = make('div', undefined, 'ring-head');
      head.id = 'ring-head';
      head.dataset['ringId'] = opened.id;
      head.dataset['status'] = opened.status;
      head.append(
        make('h3', `Score ${opened.score.toFixed(0)} / 100 · ${opened.size} members`),
        make(
          'p',
          `${opened.status.toLowerCase()}${opened.statusReason ? ` (${REASON_NAMES[opened.statusReason] ?? opened.statusReason})` : ''}` +
            ` · ${opened.assignee ? `assigned to ${opened.assignee}` : 'unassigned'}`,
          'muted',
        ),
        make('p', opened.summary),
      );

      const actions = make('div', undefined, 'ring-actions');
      actions.setAttribute('role', 'group');
      actions.setAttribute('aria-label', 'Triage');
      const me = currentUser();
      if (me && opened.assignee !== me) actions.append(button('Assign to me', () => void assign(me)));
      if (opened.assignee) actions.append(button('Unassign', () => void assign(null), 'secondary'));
      if (opened.status !== 'CONFIRMED') actions.append(button('Confirm…', () => dialog.open('CONFIRMED')));
      if (opened.status !== 'DISMISSED') actions.append(button('Dismiss…', () => dialog.open('DISMISSED')));
      if (opened.status !== 'OPEN') actions.append(button('Reopen…', () => dialog.open('OPEN'), 'secondary'));

      const members = make('ul', undefined, 'members');
      for (const m of opened.members) {
        const item = make('li');
        const select = button('', () => workspace.chart.select(m.entity.id), 'link');
        select.append(kindIcon(m.entity.kind), ` ${m.entity.label}`);
        item.append(
          select,
          make('span', ` ${m.role ?? 'member'} · ${KIND_NAMES[m.entity.kind] ?? m.entity.kind}`, 'muted'),
        );
        if (m.entity.sources.length) {
          item.append(
            make('span', ` · ${m.entity.sources.map((s) => `${s.source}:${s.externalId}`).join(', ')}`, 'records'),
          );
        }
        members.append(item);
      }

      const factors = make('ul', undefined, 'factors');
      for (const f of [...opened.factors].sort((a, b) => b.contribution - a.contribution)) {
        factors.append(make('li', `${f.description} (+${f.contribution.toFixed(1)})`));
      }

      const evidence = make('ul', undefined, 'evidence');
      for (const link of opened.evidence.slice(0, 100)) {
        evidence.append(
          make(
            'li',
            `${labels.get(link.source) ?? link.source} — ${link.type.toLowerCase().replace(/_/g, ' ')} — ` +
              `${labels.get(link.target) ?? link.target}${link.weight > 1 ? ` (×${link.weight})` : ''}; ` +
              `reported by ${link.sources.join(', ') || 'no agency recorded'}`,
          ),
        );
      }
      if (opened.evidence.length > 100)
        evidence.append(make('li', `and ${opened.evidence.length - 100} more`, 'muted'));

      const notes = make('ul', undefined, 'notes');
      notes.id = 'ring-notes';
      for (const n of opened.notes) {
        const item = make('li');
        item.append(make('span', `${n.author}, ${formatTime(n.at)}: `, 'muted'), n.text);
        notes.append(item);
      }
      const noteForm = make('form', undefined, 'stack');
      noteForm.innerHTML = `<label for="ring-note">Add a note</label><textarea id="ring-note" rows="2" required maxlength="4000"></textarea><button type="submit">Add note</button>`;
      noteForm.addEventListener('submit', (event) => {
        event.preventDefault();
        const text = noteForm.querySelector<HTMLTextAreaElement>('#ring-note')!.value.trim();
        if (!text) return;
        addRingNote(opened.id, text)
          .then(() => fetchRingOpened(opened.id))
          .then((again) => again && show(again))
          .catch((error: unknown) => workspace.showError(workspace.describe(error)));
      });

      const history = make('ul', undefined, 'history');
      for (const e of opened.triage) {
        history.append(
          make(
            'li',
            `${formatTime(e.at)} ${e.by}: ${e.action.toLowerCase()}` +
              (e.action === 'ASSIGNED' ? ` to ${e.assignee ?? 'nobody'}` : '') +
              (e.reason ? ` (${REASON_NAMES[e.reason] ?? e.reason})` : '') +
              (e.note ? `: ${e.note}` : ''),
          ),
        );
      }

      body.replaceChildren(
        head,
        actions,
        make('h3', 'Members and roles'),
        members,
        make('h3', 'Factors'),
        factors,
        make('h3', 'Evidence'),
        evidence,
        make('h3', 'Notes'),
        notes,
        noteForm,
        make('h3', 'Triage history'),
        history.childElementCount ? history : make('p', 'No triage yet.', 'muted'),
      );
    }

    async function assign(assignee: string | null): Promise<void> {
      if (!ring) return;
      try {
        show(await assignRing(ring.id, assignee));
        ringChanged(ring.id);
      } catch (error) {
        workspace.showError(workspace.describe(error));
      }
    }
  },
};

/** The verdict, in a modal dialog: a reason from the fixed list is required to confirm or dismiss. */
function verdictDialog(workspace: Workspace, current: () => RingOpened | null, show: (ring: RingOpened) => void) {
  const element = make('dialog', undefined, 'verdict');
  element.id = 'verdict-dialog';
  element.setAttribute('aria-labelledby', 'verdict-title');
  const form = make('form', undefined, 'stack');
  form.method = 'dialog';
  const title = make('h2', '');
  title.id = 'verdict-title';
  const reasonLabel = make('label', 'Reason');
  reasonLabel.htmlFor = 'verdict-reason';
  const reason = make('select');
  reason.id = 'verdict-reason';
  reason.required = true;
  const noteLabel = make('label', 'Note (optional)');
  noteLabel.htmlFor = 'verdict-note';
  const note = make('textarea');
  note.id = 'verdict-note';
  note.rows = 3;
  note.maxLength = 4000;
  const submit = make('button', 'Save');
  submit.type = 'submit';
  const cancel = button('Cancel', () => element.close(), 'secondary');
  const row = make('div', undefined, 'row');
  row.append(submit, cancel);
  form.append(title, reasonLabel, reason, noteLabel, note, row);
  element.append(form);
  let status: 'OPEN' | 'CONFIRMED' | 'DISMISSED' = 'DISMISSED';

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const ring = current();
    if (!ring) return;
    if (status !== 'OPEN' && !reason.value) {
      reason.focus();
      return;
    }
    triageRing(ring.id, status, status === 'OPEN' ? null : reason.value, note.value.trim() || null)
      .then((updated) => {
        element.close();
        show(updated);
        ringChanged(updated.id);
      })
      .catch((error: unknown) => workspace.showError(workspace.describe(error)));
  });

  return {
    element,
    open(next: 'OPEN' | 'CONFIRMED' | 'DISMISSED') {
      status = next;
      title.textContent =
        next === 'CONFIRMED' ? 'Confirm the ring' : next === 'DISMISSED' ? 'Dismiss the ring' : 'Reopen the ring';
      const reasons = next === 'CONFIRMED' ? CONFIRM_REASONS : next === 'DISMISSED' ? DISMISS_REASONS : [];
      reason.replaceChildren(make('option', 'Choose a reason…'));
      (reason.firstChild as HTMLOptionElement).value = '';
      for (const code of reasons) {
        const option = make('option', REASON_NAMES[code] ?? code);
        option.value = code;
        reason.append(option);
      }
      reason.required = next !== 'OPEN';
      reasonLabel.hidden = reason.hidden = next === 'OPEN';
      note.value = '';
      element.showModal();
      (next === 'OPEN' ? note : reason).focus();
    },
  };
}
