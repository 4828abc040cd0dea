import { z } from 'zod';
import { LIMITS, LINK_TYPES } from '../linkchart/chart-types.ts';
import { InvalidChartRequestError } from '../linkchart/chart-types.ts';
import { checkTimeWindow } from '../linkchart/validate-request.ts';
import { isBlank, textProblem } from '../ingest/check-values.ts';
import type { ChartSharing, ContentProblem, SavedChartContent, SavedChartRecord } from './saved-chart-records.ts';

export const SAVED_CHART_LIMITS = {
  name: 200,
  note: 4000,
  entities: LIMITS.maxNodes.max,
  seeds: LIMITS.seeds.max,
  id: 200,
  sharedWith: 100,
  principal: 200,
  /** A file of 2000 entities is about 150 kB; anything far larger is not one of ours. */
  fileLength: 1_000_000,
} as const;

/** The format and version a file names, so a later version can be told apart and read. */
export const FILE_FORMAT = 'ringwatch-saved-chart';
export const FILE_VERSION = 1;

/** A text the service stores: not blank, within its length, no control or bidirectional characters (a note may break lines). */
function storedText(field: string, max: number, lines = false) {
  return z.string().superRefine((value, ctx) => {
    if (isBlank(value)) {
      ctx.addIssue({ code: 'custom', message: `${field} is empty` });
      return;
    }
    const problem = textProblem(lines ? value.replace(/\r?\n/g, ' ') : value, field, max);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
  });
}

const entityId = storedText('an id', SAVED_CHART_LIMITS.id);
const instant = z.string().nullable();

const content = z
  .strictObject({
    name: storedText('name', SAVED_CHART_LIMITS.name),
    note: storedText('note', SAVED_CHART_LIMITS.note, true).nullable(),
    seeds: z.array(entityId).min(1).max(SAVED_CHART_LIMITS.seeds),
    entities: z
      .array(z.strictObject({ id: entityId, x: z.number(), y: z.number() }))
      .min(1)
      .max(SAVED_CHART_LIMITS.entities),
    filters: z.strictObject({
      depth: z.number().int().min(LIMITS.depth.min).max(LIMITS.depth.max),
      linkTypes: z.array(z.enum(LINK_TYPES)).min(1).nullable(),
      from: instant,
      to: instant,
    }),
  })
  .superRefine((value, ctx) => {
    const ids = new Set<string>();
    value.entities.forEach((entity, index) => {
      if (ids.has(entity.id))
        ctx.addIssue({ code: 'custom', path: ['entities', index, 'id'], message: 'appears twice' });
      ids.add(entity.id);
    });
    value.seeds.forEach((seed, index) => {
      if (!ids.has(seed)) {
        ctx.addIssue({ code: 'custom', path: ['seeds', index], message: 'is not one of the chart entities' });
      }
    });
    try {
      checkTimeWindow(value.filters.from, value.filters.to);
    } catch (error) {
      if (!(error instanceof InvalidChartRequestError)) throw error;
      ctx.addIssue({ code: 'custom', path: ['filters'], message: error.message });
    }
  });

const file = z.strictObject({
  format: z.literal(FILE_FORMAT),
  version: z.literal(FILE_VERSION),
  chart: content,
});

function problemsOf(error: z.ZodError): ContentProblem[] {
  return error.issues.slice(0, 50).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** The content when every value is in bounds, else every problem found. */
export function checkContent(value: unknown): { content: SavedChartContent } | { problems: ContentProblem[] } {
  const parsed = content.safeParse(value);
  return parsed.success ? { content: parsed.data } : { problems: problemsOf(parsed.error) };
}

/** Whom a chart is shared with, each name stored as given once trimmed; duplicates dropped. */
export function checkSharing(value: {
  users?: readonly string[] | null;
  agencies?: readonly string[] | null;
}): { sharing: ChartSharing } | { problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const list = (field: 'users' | 'agencies') => {
    const names = [...new Set((value[field] ?? []).map((name) => name.trim()))];
    if (names.length > SAVED_CHART_LIMITS.sharedWith) {
      problems.push({ path: field, message: `at most ${SAVED_CHART_LIMITS.sharedWith} ${field}` });
    }
    names.forEach((name, index) => {
      const problem = isBlank(name)
        ? { message: 'is empty' }
        : textProblem(name, `a name of ${field}`, SAVED_CHART_LIMITS.principal);
      if (problem) problems.push({ path: `${field}.${index}`, message: problem.message });
    });
    return names.sort();
  };
  const sharing = { users: list('users'), agencies: list('agencies') };
  return problems.length ? { problems } : { sharing };
}

/** The JSON file of a saved chart: the content only, no owner, sharing or names of anyone. */
export function chartFile(record: SavedChartRecord, words: { name: string; note: string | null }): string {
  const chart: SavedChartContent = {
    name: words.name,
    note: words.note,
    seeds: record.seeds,
    entities: record.entities,
    filters: record.filters,
  };
  return `${JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, chart }, null, 2)}\n`;
}

/** A file's content, or every problem with it: nothing is written from a file with a problem. */
export function readChartFile(text: string): { content: SavedChartContent } | { problems: ContentProblem[] } {
  if (text.length > SAVED_CHART_LIMITS.fileLength) {
    return { problems: [{ path: '', message: `the file has more than ${SAVED_CHART_LIMITS.fileLength} characters` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: '', message: `not JSON (${(error as Error).message})` }] };
  }
  const parsed = file.safeParse(json);
  return parsed.success ? { content: parsed.data.chart } : { problems: problemsOf(parsed.error) };
}
