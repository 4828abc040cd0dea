import type { LinkChart } from './api.ts';
import type { Workspace } from './layout.ts';
import { fetchTimeline, type TimelineEvent } from './workspace-api.ts';

export interface Period {
  from: string | null;
  to: string | null;
}

export interface TimelineSnapshot {
  /** Every dated fact of the chart as it was opened, before a period narrowed it. */
  events: TimelineEvent[];
  truncated: boolean;
  period: Period;
  loading: boolean;
  error: string | null;
}

type Listener = (snapshot: TimelineSnapshot) => void;

/** True when the event falls in the period (either end open). */
export function inPeriod(event: TimelineEvent, period: Period): boolean {
  const at = Date.parse(event.at);
  return (!period.from || at >= Date.parse(period.from)) && (!period.to || at <= Date.parse(period.to));
}

/**
 * The chart's dated facts, shared by the timeline and the map. They are read for the chart as
 * it was opened (its seeds); narrowing the chart to a period keeps them, so the histogram keeps
 * its whole span while the chart, the list and the map show the period.
 */
class TimelineStore {
  private snapshot: TimelineSnapshot = {
    events: [],
    truncated: false,
    period: { from: null, to: null },
    loading: false,
    error: null,
  };
  private readonly listeners: Listener[] = [];
  private seedsKey: string | null = null;
  private request = 0;

  constructor(private readonly workspace: Workspace) {
    workspace.chart.on('chart', (chart) => void this.chartShown(chart));
  }

  on(listener: Listener): void {
    this.listeners.push(listener);
    listener(this.snapshot);
  }

  private emit(change: Partial<TimelineSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener(this.snapshot);
  }

  private async chartShown(chart: LinkChart): Promise<void> {
    const state = this.workspace.chart.state();
    const period = { from: state.filters.from, to: state.filters.to };
    const key = [...state.seeds].sort().join(' ');
    if (key === this.seedsKey) {
      this.emit({ period });
      return;
    }
    this.seedsKey = key;
    const ids = chart.nodes.filter((n) => n.collapsedCount === null).map((n) => n.id);
    if (!ids.length) {
      this.emit({ events: [], truncated: false, period, loading: false, error: null });
      return;
    }
    const request = ++this.request;
    this.emit({ period, loading: true, error: null });
    try {
      const timeline = await fetchTimeline(ids.slice(0, 2000));
      if (request !== this.request) return;
      this.emit({ events: timeline.events, truncated: timeline.truncated, loading: false });
    } catch (error) {
      if (request !== this.request) return;
      this.emit({ events: [], truncated: false, loading: false, error: this.workspace.describe(error) });
    }
  }
}

const stores = new WeakMap<Workspace, TimelineStore>();

export function timelineOf(workspace: Workspace): TimelineStore {
  let store = stores.get(workspace);
  if (!store) {
    store = new TimelineStore(workspace);
    stores.set(workspace, store);
  }
  return store;
}
