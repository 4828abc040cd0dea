import { brushX, type BrushBehavior } from 'd3-brush';
import { scaleLinear, scaleTime } from 'd3-scale';
import { select } from 'd3-selection';
import { button, formatTime, make } from '../dom.ts';
import { EVENT_KINDS, eventIcon, eventMark, svgElement } from '../event-shapes.ts';
import type { Workspace, WorkspacePanel } from '../layout.ts';
import { inPeriod, timelineOf, type Period, type TimelineSnapshot } from '../timeline-store.ts';
import type { TimelineEvent } from '../workspace-api.ts';

const HEIGHT = 96;
const BARS = 64; // the histogram's height; the strip of marks below it
const DAY = 86_400_000;

/** yyyy-mm-dd of an instant, for the date fields. */
function day(iso: string | null): string {
  return iso ? new Date(iso).toISOString().slice(0, 10) : '';
}

/**
 * The chart's dated facts over time: a histogram with a brush that narrows the chart to the
 * period brushed (and date fields that do the same from the keyboard), the facts of the period
 * as marks by kind, and their list in order.
 */
export const timelinePanel: WorkspacePanel = {
  id: 'timeline',
  title: 'Timeline',
  slot: 'bottom',
  mount(body, workspace) {
    const status = make('p', 'Open a chart to see its dated facts.', 'muted');
    status.id = 'timeline-status';
    status.setAttribute('aria-live', 'polite');
    status.dataset['eventCount'] = '0';

    const figure = svgElement('svg', { class: 'timeline-chart', height: HEIGHT, role: 'img' });
    figure.id = 'timeline-histogram';
    figure.setAttribute('aria-label', 'Histogram of the dated facts; drag across it to narrow the chart to a period');

    const form = make('form', undefined, 'row timeline-period');
    form.innerHTML = `
      <label for="timeline-from">From</label><input id="timeline-from" type="date" />
      <label for="timeline-to">To</label><input id="timeline-to" type="date" />`;
    const fromInput = form.querySelector<HTMLInputElement>('#timeline-from')!;
    const toInput = form.querySelector<HTMLInputElement>('#timeline-to')!;
    const apply = make('button', 'Apply period');
    apply.type = 'submit';
    form.append(
      apply,
      button('Whole span', () => void setPeriod(workspace, { from: null, to: null })),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void setPeriod(workspace, {
        from: fromInput.value ? `${fromInput.value}T00:00:00Z` : null,
        to: toInput.value ? `${toInput.value}T23:59:59Z` : null,
      });
    });

    const legend = make('ul', undefined, 'legend event-legend');
    legend.setAttribute('aria-label', 'Legend: the kind of each fact by its shape');
    for (const [kind, spec] of Object.entries(EVENT_KINDS)) {
      const item = make('li');
      item.append(eventIcon(kind), ` ${spec.name}`);
      legend.append(item);
    }

    const list = make('ol', undefined, 'timeline-events');
    list.id = 'timeline-events';
    list.setAttribute('aria-label', 'Dated facts of the period, earliest first');

    body.append(status, figure, form, legend, list);

    let latest: TimelineSnapshot | null = null;
    const draw = () => {
      if (!latest) return;
      fromInput.value = day(latest.period.from);
      toInput.value = day(latest.period.to);
      drawHistogram(figure, latest, workspace);
      drawList(list, latest, workspace);
      const shown = latest.events.filter((e) => inPeriod(e, latest!.period)).length;
      status.dataset['eventCount'] = String(shown);
      status.textContent = latest.error
        ? `The timeline cannot be shown: ${latest.error}`
        : latest.loading
          ? 'Loading the dated facts…'
          : latest.events.length
            ? `${shown} of ${latest.events.length} dated facts` +
              (latest.period.from || latest.period.to
                ? ` from ${formatTime(latest.period.from) || 'the start'} to ${formatTime(latest.period.to) || 'the end'}`
                : ', the whole span') +
              (latest.truncated ? ' (the earliest 5000 only)' : '')
            : 'No dated facts in this chart.';
    };
    timelineOf(workspace).on((snapshot) => {
      latest = snapshot;
      draw();
    });
    new ResizeObserver(() => draw()).observe(body);
  },
};

async function setPeriod(workspace: Workspace, period: Period): Promise<void> {
  if (!workspace.chart.current()) return;
  await workspace.chart.setPeriod(period.from, period.to);
}

/** The span drawn: every event's time, a little to spare, at least two days. */
function span(events: readonly TimelineEvent[]): [Date, Date] {
  const times = events.map((e) => Date.parse(e.at));
  let start = Math.min(...times);
  let end = Math.max(...times);
  if (end - start < 2 * DAY) {
    start -= DAY;
    end += DAY;
  }
  const pad = (end - start) * 0.03;
  return [new Date(start - pad), new Date(end + pad)];
}

function drawHistogram(figure: SVGSVGElement, snapshot: TimelineSnapshot, workspace: Workspace): void {
  // The body's content box: were the figure as wide as the body with its padding, the panel
  // would grow by that much at every redraw.
  const parent = figure.parentElement;
  const style = parent ? getComputedStyle(parent) : null;
  const inner = parent ? parent.clientWidth - parseFloat(style!.paddingLeft) - parseFloat(style!.paddingRight) : 400;
  const width = Math.max(200, Math.floor(inner));
  figure.setAttribute('width', String(width));
  figure.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
  figure.replaceChildren();
  const events = snapshot.events;
  if (!events.length) return;
  const x = scaleTime()
    .domain(span(events))
    .range([4, width - 4]);
  // For scripts and browser tests: the instants at the two ends of the range.
  figure.dataset['start'] = String(x.domain()[0]!.getTime());
  figure.dataset['end'] = String(x.domain()[1]!.getTime());
  const edges = [x.domain()[0]!, ...x.ticks(40), x.domain()[1]!];
  const counts = edges.slice(1).map(() => 0);
  for (const event of events) {
    const at = Date.parse(event.at);
    const bin = edges.findIndex((edge, i) => i > 0 && at <= edge.getTime()) - 1;
    counts[Math.max(0, bin)]! += 1;
  }
  const y = scaleLinear()
    .domain([0, Math.max(1, ...counts)])
    .range([BARS, 6]);
  const bars = svgElement('g', { class: 'bars' });
  counts.forEach((count, i) => {
    if (!count) return;
    const left = x(edges[i]!);
    const right = x(edges[i + 1]!);
    const bar = svgElement('rect', {
      x: left + 0.5,
      y: y(count),
      width: Math.max(1, right - left - 1),
      height: BARS - y(count),
      class: 'bar',
    });
    bar.append(svgElement('title'));
    bar.firstChild!.textContent = `${count} from ${formatTime(edges[i]!.toISOString())}`;
    bars.append(bar);
  });
  const axis = svgElement('g', { class: 'axis' });
  axis.append(svgElement('line', { x1: 0, x2: width, y1: BARS + 0.5, y2: BARS + 0.5 }));
  for (const tick of x.ticks(Math.max(2, Math.floor(width / 110)))) {
    const label = svgElement('text', { x: x(tick), y: HEIGHT - 2, 'text-anchor': 'middle' });
    label.textContent = x.tickFormat()(tick);
    axis.append(label);
  }
  // The facts of the period as marks by kind, on a strip under the bars.
  const marks = svgElement('g', { class: 'marks' });
  for (const event of events) {
    const mark = eventMark(event.kind, x(Date.parse(event.at)), BARS + 11, 0.8);
    if (!inPeriod(event, snapshot.period)) mark.classList.add('outside');
    marks.append(mark);
  }
  figure.append(bars, axis, marks);

  const brush: BrushBehavior<unknown> = brushX().extent([
    [0, 0],
    [width, BARS + 18],
  ]);
  const layer = select(figure).append('g').attr('class', 'brush');
  layer.call(brush as never);
  const { from, to } = snapshot.period;
  if (from || to) {
    const [start, end] = x.domain() as [Date, Date];
    const left = Math.max(0, x(from ? new Date(from) : start));
    const right = Math.min(width, x(to ? new Date(to) : end));
    if (right > left) layer.call(brush.move as never, [left, right]);
  }
  brush.on('end', (event: { selection: [number, number] | null; sourceEvent: unknown }) => {
    // Moves made here (drawing the period again) are not the user's.
    if (!event.sourceEvent) return;
    if (!event.selection) {
      void setPeriod(workspace, { from: null, to: null });
      return;
    }
    const [left, right] = event.selection;
    void setPeriod(workspace, { from: x.invert(left).toISOString(), to: x.invert(right).toISOString() });
  });
}

function drawList(list: HTMLOListElement, snapshot: TimelineSnapshot, workspace: Workspace): void {
  list.replaceChildren();
  for (const event of snapshot.events) {
    if (!inPeriod(event, snapshot.period)) continue;
    const item = make('li');
    item.dataset['eventId'] = event.id;
    item.dataset['kind'] = event.kind;
    const show = button('', () => {
      const id = event.entityIds[0];
      if (id) workspace.chart.select(id);
    });
    show.append(
      eventIcon(event.kind),
      make('time', formatTime(event.at), 'muted'),
      ` ${EVENT_KINDS[event.kind].name}: ${event.label}`,
    );
    show.querySelector('time')!.setAttribute('datetime', event.at);
    if (event.kind === 'CROSSING_EXIT' && event.returned === false) item.classList.add('no-return');
    item.append(show);
    list.append(item);
  }
}
