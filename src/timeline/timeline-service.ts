import type { Database } from '../db/database.ts';
import { readChartEntities, type ChartEntity } from '../linkchart/read-chart-nodes.ts';
import { InvalidChartRequestError } from '../linkchart/chart-types.ts';
import { checkTimeWindow } from '../linkchart/validate-request.ts';
import { checkpointPlaces, type CheckpointPlace } from '../ingest/checkpoints.ts';

export const TIMELINE_EVENT_KINDS = [
  'CROSSING_EXIT',
  'CROSSING_ENTRY',
  'FIRST_CALL',
  'LAST_CALL',
  'RECRUITMENT',
  'CASE_OPENED',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

/** One dated fact of a chart, with the entities it is about (their labels not yet shown to anyone). */
export interface TimelineEvent {
  id: string;
  kind: TimelineEventKind;
  at: string;
  /** Crossings: person, crossing, checkpoint; calls: caller, callee; recruitments: recruit, recruiter; cases: the case. */
  entityIds: string[];
  checkpointId: string | null;
  country: string | null;
  /** Exits: whether the person entered again later, at any checkpoint; null for other kinds. */
  returned: boolean | null;
}

export interface Timeline {
  events: TimelineEvent[];
  /** Kind and label of every entity the events name, as the chart reads them: the caller masks them. */
  entities: Map<string, ChartEntity>;
  /** More events than the limit fell in the period; the earliest were kept. */
  truncated: boolean;
}

export interface TimelineRequest {
  ids: readonly string[];
  from: string | null;
  to: string | null;
}

/** As many ids as a chart may hold. */
export const TIMELINE_MAX_IDS = 2000;
/** More events than a histogram and a list on one page can show usefully. */
export const TIMELINE_MAX_EVENTS = 5000;

interface EventRow extends Omit<TimelineEvent, 'returned'> {
  atMillis: number;
  returned: boolean | null;
}

/**
 * The dated facts of a chart's entities (cypher/timeline/chart-events.cypher): what the
 * workspace's timeline draws as a histogram and a list, and its map as crossings at checkpoints.
 */
export class TimelineService {
  constructor(private readonly db: Database) {}

  /** Where the known checkpoints are: the map's fixed public table. */
  checkpoints(): readonly CheckpointPlace[] {
    return checkpointPlaces();
  }

  async timeline(request: TimelineRequest): Promise<Timeline> {
    const ids = [...new Set(request.ids)];
    if (ids.length < 1 || ids.length > TIMELINE_MAX_IDS) {
      throw new InvalidChartRequestError(`ids must name from 1 to ${TIMELINE_MAX_IDS} entities`);
    }
    if (ids.some((id) => !id.trim())) throw new InvalidChartRequestError('ids may not contain an empty id');
    const window = checkTimeWindow(request.from, request.to);
    return this.db.readTransaction(
      async (tx) => {
        const rows = await tx.run<EventRow>('timeline/chart-events', {
          ids,
          fromMillis: window.fromMillis,
          toMillis: window.toMillis,
          limit: TIMELINE_MAX_EVENTS + 1,
        });
        const events = rows.slice(0, TIMELINE_MAX_EVENTS).map((row) => ({
          id: row.id,
          kind: row.kind,
          at: row.at,
          entityIds: row.entityIds,
          checkpointId: row.checkpointId,
          country: row.country,
          returned: row.returned,
        }));
        const entities = await readChartEntities(
          tx,
          events.flatMap((e) => e.entityIds),
        );
        return { events, entities, truncated: rows.length > TIMELINE_MAX_EVENTS };
      },
      { timeoutMs: 30_000, metadata: { query: 'timeline/chart-events', ids: ids.length } },
    );
  }
}

const CALL_WORDS: Record<string, string> = { FIRST_CALL: 'First call', LAST_CALL: 'Last call' };

/** The event in plain words, with each entity's label as the viewer may see it. */
export function describeEvent(event: TimelineEvent, label: (id: string) => string): string {
  const [first = '', second = '', third = ''] = event.entityIds;
  switch (event.kind) {
    case 'CROSSING_EXIT':
      return `${label(first)} left for ${event.country ?? '?'} at ${label(third)}${event.returned ? '' : ', no return recorded'}`;
    case 'CROSSING_ENTRY':
      return `${label(first)} entered from ${event.country ?? '?'} at ${label(third)}`;
    case 'FIRST_CALL':
    case 'LAST_CALL':
      return `${CALL_WORDS[event.kind]} from ${label(first)} to ${label(second)}`;
    case 'RECRUITMENT':
      return `${label(first)} recruited by ${label(second)}`;
    case 'CASE_OPENED':
      return `Case opened: ${label(first)}`;
  }
}
