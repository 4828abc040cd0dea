import type { Session } from './api.ts';
import type { ChartController } from './chart-controller.ts';
import { make } from './dom.ts';

/**
 * The workspace's panels around the chart. A panel is one module under panels/ that exports a
 * WorkspacePanel; main.ts imports it and registers it, and the layout gives it a landmark
 * (a named section with its heading) in its slot:
 *
 *   left    beside the chart on the left (search, ring queue, alerts)
 *   right   beside the chart on the right (the open ring, chart tools, saved charts)
 *   bottom  under the chart, side by side (timeline, map)
 *
 * Panels talk to each other only through the Workspace: the chart controller (open entities or
 * a ring, filter to a period, listen to the chart shown) and the session.
 */
export type PanelSlot = 'left' | 'right' | 'bottom';

export interface WorkspacePanel {
  /** kebab-case; the section is #panel-<id>. */
  readonly id: string;
  /** The landmark's name and the panel's heading, e.g. "Ring queue". */
  readonly title: string;
  readonly slot: PanelSlot;
  /** Builds the panel's content into body; called once, after every panel has its section. */
  mount(body: HTMLElement, workspace: Workspace): void;
}

export interface Workspace {
  readonly chart: ChartController;
  /** The page's one error box (role=alert); null clears it. */
  showError(message: string | null): void;
  /** An error as a sentence for the user, with its stable code. */
  describe(error: unknown): string;
  session(): Session | null;
  /** Called after every sign-in and sign-out (and once at start when already signed in). */
  onSession(listener: (session: Session | null) => void): void;
  /** Opens a registered panel's section (expanding it when collapsed) and moves focus to it. */
  reveal(panelId: string): void;
}

const registered: WorkspacePanel[] = [];

export function registerPanel(panel: WorkspacePanel): void {
  if (registered.some((p) => p.id === panel.id)) throw new Error(`panel ${panel.id} is registered twice`);
  registered.push(panel);
}

/**
 * A slot kept for a panel that is not built yet: a landmark of the right name that says so, so
 * the layout at 1280x800 already has its final shape. Replace the registration with the panel.
 */
export function emptySlot(id: string, title: string, slot: PanelSlot): WorkspacePanel {
  return {
    id,
    title,
    slot,
    mount(body) {
      body.append(make('p', `${title}: not available yet.`, 'muted'));
    },
  };
}

/** Builds every registered panel's section into the page's slots, then mounts them in order. */
export function mountPanels(workspace: Workspace): void {
  const bodies: [WorkspacePanel, HTMLElement][] = [];
  for (const panel of registered) {
    const slot = document.querySelector<HTMLElement>(`[data-slot="${panel.slot}"]`);
    if (!slot) throw new Error(`the page has no slot ${panel.slot}`);
    const section = make('section', undefined, `panel panel-${panel.id}`);
    section.id = `panel-${panel.id}`;
    section.setAttribute('aria-labelledby', `panel-${panel.id}-title`);
    const head = make('div', undefined, 'panel-head');
    const title = make('h2', panel.title);
    title.id = `panel-${panel.id}-title`;
    const body = make('div', undefined, 'panel-body');
    body.id = `panel-${panel.id}-body`;
    const toggle = make('button', '−', 'toggle');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'true');
    toggle.setAttribute('aria-controls', body.id);
    toggle.setAttribute('aria-label', `Collapse ${panel.title}`);
    toggle.addEventListener('click', () => setExpanded(section, toggle, body, body.hidden));
    head.append(title, toggle);
    section.append(head, body);
    slot.append(section);
    bodies.push([panel, body]);
  }
  for (const [panel, body] of bodies) panel.mount(body, workspace);
}

function setExpanded(section: HTMLElement, toggle: HTMLElement, body: HTMLElement, expanded: boolean): void {
  body.hidden = !expanded;
  section.classList.toggle('collapsed', !expanded);
  toggle.textContent = expanded ? '−' : '+';
  toggle.setAttribute('aria-expanded', String(expanded));
  const title = section.querySelector('h2')?.textContent ?? '';
  toggle.setAttribute('aria-label', `${expanded ? 'Collapse' : 'Expand'} ${title}`);
}

export function revealPanel(panelId: string): void {
  const section = document.getElementById(`panel-${panelId}`);
  if (!section) return;
  const toggle = section.querySelector<HTMLElement>('.toggle');
  const body = section.querySelector<HTMLElement>('.panel-body');
  if (toggle && body && body.hidden) setExpanded(section, toggle, body, true);
  section.setAttribute('tabindex', '-1');
  section.focus({ preventScroll: false });
}
