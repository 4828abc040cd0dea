import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * How one value is made from a CSV row. A plain string is short for { column }.
 * - { column }: the cell's text, trimmed;
 * - { value }: a fixed text;
 * - { concat: [...], separator }: the non-empty parts joined (by "" unless told);
 * - { date, format }: a date written as the format says (D/M/YYYY, YYYY-MM-DD, ...) to YYYY-MM-DD;
 * - { dateTime, time, format, offset }: a date and an optional time column (HH:mm[:ss]) to an ISO
 *   instant with the offset given (+07:00);
 * - { map, values, default }: the text looked up in a table (unlisted: default, else the text itself).
 */
export type ValueSpec =
  | string
  | { column: string }
  | { value: string }
  | { concat: ValueSpec[]; separator?: string | undefined }
  | { date: ValueSpec; format: string }
  | { dateTime: ValueSpec; time?: ValueSpec | undefined; format: string; offset: string }
  | { map: ValueSpec; values: Record<string, string>; default?: string | undefined };

export const valueSpec: z.ZodType<ValueSpec> = z.lazy(() =>
  z.union([
    z.string().min(1),
    z.strictObject({ column: z.string().min(1) }),
    z.strictObject({ value: z.string() }),
    z.strictObject({ concat: z.array(valueSpec).min(1), separator: z.string().optional() }),
    z.strictObject({ date: valueSpec, format: z.string().min(1) }),
    z.strictObject({
      dateTime: valueSpec,
      time: valueSpec.optional(),
      format: z.string().min(1),
      offset: z.string().regex(/^(Z|[+-]\d{2}:\d{2})$/, 'an offset such as +07:00 or Z'),
    }),
    z.strictObject({ map: valueSpec, values: z.record(z.string(), z.string()), default: z.string().optional() }),
  ]),
);

const entityKind = z.enum(['PERSON', 'PHONE', 'BROKER', 'BORDER_CROSSING', 'CASE', 'CHECKPOINT']);

/**
 * An entity a row names: { node } for a node id of an import-format export (the :ID of a row
 * another mapping turned into an entity), or the contract's reference written out.
 */
export const refSpec = z.union([
  z.strictObject({ node: valueSpec }),
  z.strictObject({ kind: entityKind, externalId: valueSpec, source: z.string().min(1).optional() }),
]);
export type RefSpec = z.infer<typeof refSpec>;

/** Columns of another file added to each row, matched on a key: `as.column` in value specs. */
const joinSpec = z.strictObject({
  file: z.string().min(1),
  /** The joined file's column that holds the key. */
  column: z.string().min(1),
  /** This row's column that holds the key. */
  on: z.string().min(1),
  as: z.string().min(1),
  /** true: rows without a match are left out (an inner join); false: their joined columns are empty. */
  required: z.boolean().default(true),
});

const common = {
  file: z.string().min(1),
  /** A note for the reader of the mapping. */
  description: z.string().optional(),
  join: z.array(joinSpec).default([]),
};

const entityMapping = z.strictObject({
  ...common,
  yields: z.enum(['people', 'phones', 'brokers', 'cases', 'crossings']),
  /** The row's node id (import format `:ID`), so link files can name the entity by it. */
  nodeId: valueSpec.optional(),
  /** The contract fields of the record; documentNumbers takes one spec or a list. */
  fields: z.record(z.string(), z.union([valueSpec, z.array(valueSpec)])),
  /** crossings: the person who crossed. */
  person: refSpec.optional(),
  /**
   * phones: what to do with a number no carrier could dial. reject (the default): send it as
   * written; the service refuses it as INVALID_PHONE and the report counts it. substitute: give
   * it a number from Ofcom's ranges reserved for drama (src/import/mapping/substitute-phone.ts),
   * one per distinct number, the same on every run; only for synthetic data sets.
   */
  undialable: z.enum(['reject', 'substitute']).default('reject'),
});

const linkMapping = z.strictObject({
  ...common,
  yields: z.literal('links'),
  type: z.enum(['USES_PHONE', 'CALLED', 'RECRUITED_BY', 'KNOWS', 'RELATIVE_OF', 'INVOLVED_IN', 'OPERATES']),
  from: refSpec,
  to: refSpec,
  role: valueSpec.optional(),
  at: valueSpec.optional(),
  count: valueSpec.optional(),
  /**
   * none: one link per row; distinct: one link per (from, to), the latest `at`; count: one link
   * per (from, to) with count = the number of rows (calls) and at = the latest.
   */
  aggregate: z.enum(['none', 'distinct', 'count']).default('none'),
});

export const fileMapping = z.union([entityMapping, linkMapping]);
export type FileMapping = z.infer<typeof fileMapping>;
export type EntityMapping = z.infer<typeof entityMapping>;
export type LinkMapping = z.infer<typeof linkMapping>;

export const importMapping = z.strictObject({
  description: z.string().optional(),
  /** The source name of the records, unless --source names another. */
  source: z.string().min(1).optional(),
  /** Read in order: entity files before the link files that name them. */
  files: z.array(fileMapping).min(1),
});
export type ImportMapping = z.infer<typeof importMapping>;

export class MappingError extends Error {
  override name = 'MappingError';
}

export function parseMapping(json: unknown, where = 'the mapping'): ImportMapping {
  const parsed = importMapping.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new MappingError(`${where} is not valid: ${problems.slice(0, 5).join('; ')}`);
  }
  return parsed.data;
}

export async function readMapping(path: string): Promise<ImportMapping> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new MappingError(`cannot read the mapping ${path}: ${(error as Error).message}`);
  }
  return parseMapping(json, path);
}
