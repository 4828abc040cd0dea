import { fetchChart, type ChartArgs, type LinkChart } from './api.ts';
import { ChartView } from './chart-view.ts';

export const LINK_TYPES = ['USES_PHONE', 'CALLED', 'RECRUITED_BY', 'KNOWS', 'RELATIVE_OF', 'INVOLVED_IN', 'OPERATES'];

/** The explorer grows a chart one hop at a time from every entity the user opened or expanded. */
const MAX_NODES = 500;

export interface ChartFilters {
  /** null: every type, crossings and checkpoints included. */
  linkTypes: string[] | null;
  /** ISO date-times, inclusive. */
  from: string | null;
  to: string | null;
}

/** What a saved chart keeps, and what restore() shows again. */
export interface ChartState {
  seeds: string[];
  filters: ChartFilters;
  selectedId: string | null;
  caption: string | null;
}

type Listener<T> = (value: T) => void;

/**
 * The central chart, shared by every panel: what is shown (the seeds it grows from and the
 * filters), loading it, and the events other panels follow (a new chart, a selection, a
 * change of filters, an error).
 */
export class ChartController {
  private readonly view: ChartView;
  private seeds: string[] = [];
  private filters: ChartFilters = { linkTypes: null, from: null, to: null };
  private chart: LinkChart | null = null;
  private selectedId: string | null = null;
  private caption: string | null = null;
  private readonly listeners = {
    chart: [] as Listener<LinkChart>[],
    select: [] as Listener<string>[],
    filters: [] as Listener<ChartFilters>[],
    loading: [] as Listener<string>[],
    failed: [] as Listener<unknown>[],
  };

  constructor(container: HTMLElement) {
    this.view = new ChartView(container, {
      select: (id) => this.select(id),
      expand: (id) => void this.expand(id),
    });
  }

  on(event: 'chart', listener: Listener<LinkChart>): void;
  on(event: 'select', listener: Listener<string>): void;
  on(event: 'filters', listener: Listener<ChartFilters>): void;
  on(event: 'loading', listener: Listener<string>): void;
  on(event: 'failed', listener: Listener<unknown>): void;
  on(event: keyof ChartController['listeners'], listener: Listener<never>): void {
    (this.listeners[event] as Listener<never>[]).push(listener);
  }

  current(): LinkChart | null {
    return this.chart;
  }

  state(): ChartState {
    return { seeds: [...this.seeds], filters: { ...this.filters }, selectedId: this.selectedId, caption: this.caption };
  }

  hasSeed(id: string): boolean {
    return this.seeds.includes(id);
  }

  selected(): string | null {
    return this.selectedId;
  }

  /** Where each node is drawn now. */
  positions(): Record<string, { x: number; y: number }> {
    return this.view.positions();
  }

  /** Opens one entity: the chart around it alone. */
  async open(id: string): Promise<void> {
    await this.show({ seeds: [id], filters: this.filters, selectedId: id, caption: null });
  }

  /** Opens a group of entities, a ring's members for instance, under a caption. */
  async openGroup(ids: string[], caption: string): Promise<void> {
    await this.show({ seeds: ids, filters: this.filters, selectedId: null, caption });
  }

  /** Shows a chart state again (a saved chart, or the state before). */
  async restore(state: ChartState): Promise<void> {
    await this.show(state);
  }

  /**
   * Shows a chart the service already drew (a saved chart, at its saved positions) under a
   * state, without loading it again; expanding it later loads it from its seeds as usual.
   */
  present(chart: LinkChart, state: ChartState): void {
    this.seeds = [...state.seeds];
    this.selectedId = state.selectedId;
    this.caption = state.caption;
    if (JSON.stringify(state.filters) !== JSON.stringify(this.filters)) {
      this.filters = { ...state.filters };
      for (const listener of this.listeners.filters) listener(this.filters);
    }
    this.chart = chart;
    const drawError = this.view.show(chart);
    if (drawError) for (const listener of this.listeners.failed) listener(new Error(drawError));
    for (const listener of this.listeners.chart) listener(chart);
  }

  async expand(id: string): Promise<void> {
    if (id.startsWith('collapsed:')) {
      this.select(id);
      return;
    }
    if (!this.seeds.includes(id)) this.seeds = [...this.seeds, id];
    this.selectedId = id;
    await this.load();
  }

  /** New filters; the chart is loaded again when one is open. */
  async setFilters(filters: Partial<ChartFilters>): Promise<void> {
    this.filters = { ...this.filters, ...filters };
    for (const listener of this.listeners.filters) listener(this.filters);
    if (this.seeds.length) await this.load();
  }

  /** The chart restricted to a period (null, null: no period). */
  async setPeriod(from: string | null, to: string | null): Promise<void> {
    await this.setFilters({ from, to });
  }

  filtersNow(): ChartFilters {
    return { ...this.filters };
  }

  args(): ChartArgs {
    return { seeds: this.seeds, depth: 1, maxNodes: MAX_NODES, ...this.filters };
  }

  select(id: string): void {
    this.selectedId = id;
    this.view.highlight(id);
    for (const listener of this.listeners.select) listener(id);
  }

  private async show(state: ChartState): Promise<void> {
    this.seeds = [...state.seeds];
    this.selectedId = state.selectedId;
    this.caption = state.caption;
    if (JSON.stringify(state.filters) !== JSON.stringify(this.filters)) {
      this.filters = { ...state.filters };
      for (const listener of this.listeners.filters) listener(this.filters);
    }
    await this.load();
  }

  private async load(): Promise<void> {
    if (this.filters.linkTypes && this.filters.linkTypes.length === 0) {
      for (const listener of this.listeners.failed) listener(new Error('Choose at least one link type.'));
      return;
    }
    for (const listener of this.listeners.loading) listener(this.caption ?? '');
    try {
      const chart = await fetchChart(this.args());
      this.chart = chart;
      const drawError = this.view.show(chart);
      if (drawError) for (const listener of this.listeners.failed) listener(new Error(drawError));
      for (const listener of this.listeners.chart) listener(chart);
      const selectedId = this.selectedId;
      if (selectedId && chart.nodes.some((n) => n.id === selectedId)) this.select(selectedId);
    } catch (error) {
      for (const listener of this.listeners.failed) listener(error);
    }
  }
}
