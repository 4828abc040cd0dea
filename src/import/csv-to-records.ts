import type { CrossingInput, EntityRefInput, IngestBatchInput, LinkInput, PhoneInput } from '../ingest/batch-types.ts';
import { normalizePhone } from '../entities/normalize-phone.ts';
import type { CaseRole } from '../entities/entity-records.ts';
import { columnsOf, evaluateValue } from './mapping/evaluate-value.ts';
import {
  MappingError,
  type EntityMapping,
  type FileMapping,
  type ImportMapping,
  type LinkMapping,
  type RefSpec,
  type ValueSpec,
} from './mapping/mapping-schema.ts';
import { substitutePhones } from './mapping/substitute-phone.ts';
import type { CsvRow, CsvTable } from './read-csv.ts';

/** The records of an import, by section, in the contract's shapes (without source). */
export type ImportRecords = Required<{
  [K in 'people' | 'phones' | 'brokers' | 'crossings' | 'cases' | 'links']: NonNullable<IngestBatchInput[K]>[number][];
}>;

export interface ConversionNotes {
  /** Per mapping entry: rows read, rows left out by a required join, records made. */
  files: { file: string; yields: string; rows: number; joinedOut: number; records: number }[];
  /** Rows whose link names a node id that no mapping made an entity of: not sent. */
  unresolved: { count: number; examples: string[] };
  /** Undialable numbers given a drama number (undialable: substitute), "as written → E.164". */
  substitutedPhones: { count: number; examples: string[] };
  /** Undialable numbers sent as written (undialable: reject): the service refuses them, with their links. */
  undialablePhones: { count: number; examples: string[] };
  /** Rows that repeated a phone number or a link already made (aggregate distinct / count). */
  merged: number;
}

/** Reads a CSV file of the input by the name the mapping gives. */
export type TableReader = (file: string) => Promise<CsvTable>;

const FIELDS: Record<EntityMapping['yields'], { required: string[]; optional: string[] }> = {
  people: {
    required: ['externalId', 'fullName'],
    optional: ['dateOfBirth', 'sex', 'nationality', 'documentNumbers', 'province'],
  },
  phones: { required: ['number'], optional: ['defaultCountry'] },
  brokers: { required: ['externalId', 'name', 'kind'], optional: ['licenseNumber', 'licenseStatus'] },
  cases: { required: ['externalId', 'title', 'status', 'openedAt'], optional: ['caseNumber'] },
  crossings: {
    required: ['externalId', 'checkpoint', 'direction', 'at', 'country'],
    optional: ['vehiclePlate'],
  },
};

const UNDIRECTED = new Set(['KNOWS', 'RELATIVE_OF']);
const EXAMPLES = 5;

/**
 * Turns CSV exports into ingest records as a mapping says: entity files first (their node ids
 * remembered so link files can name them), then link files, aggregated where asked.
 */
export async function csvToRecords(
  mapping: ImportMapping,
  read: TableReader,
): Promise<{ records: ImportRecords; notes: ConversionNotes }> {
  const records: ImportRecords = { people: [], phones: [], brokers: [], crossings: [], cases: [], links: [] };
  const notes: ConversionNotes = {
    files: [],
    unresolved: { count: 0, examples: [] },
    substitutedPhones: { count: 0, examples: [] },
    undialablePhones: { count: 0, examples: [] },
    merged: 0,
  };
  const nodes = new Map<string, EntityRefInput>();
  const entities = mapping.files.filter((m): m is EntityMapping => m.yields !== 'links');
  const links = mapping.files.filter((m): m is LinkMapping => m.yields === 'links');

  const phoneSeen = new Set<string>();
  for (const entry of entities) {
    const { rows, joinedOut } = await rowsOf(entry, read);
    const before = records[entry.yields].length;
    if (entry.yields === 'phones') addPhones(entry, rows, records.phones, nodes, notes, phoneSeen);
    else addEntities(entry, rows, records, nodes);
    notes.files.push({
      file: entry.file,
      yields: entry.yields,
      rows: rows.length + joinedOut,
      joinedOut,
      records: records[entry.yields].length - before,
    });
  }

  const aggregated = new Map<string, LinkInput & { count?: number | null }>();
  for (const entry of links) {
    const { rows, joinedOut } = await rowsOf(entry, read);
    let made = 0;
    rows.forEach((row, index) => {
      const from = resolveRef(entry.from, row, nodes);
      const to = resolveRef(entry.to, row, nodes);
      if (typeof from === 'string' || typeof to === 'string') {
        notes.unresolved.count += 1;
        example(notes.unresolved, `${entry.file} row ${index + 2}: ${typeof from === 'string' ? from : to}`);
        return;
      }
      const link: LinkInput = { type: entry.type, from, to };
      const role = entry.role ? evaluateValue(entry.role, row) : '';
      if (role) link.role = role as CaseRole;
      const at = entry.at ? evaluateValue(entry.at, row) : '';
      if (at) link.at = at;
      const count = entry.count ? evaluateValue(entry.count, row) : '';
      if (count) link.count = Number(count);
      if (entry.aggregate === 'none') {
        records.links.push(link);
        made += 1;
        return;
      }
      const key = linkKey(link);
      const earlier = aggregated.get(key);
      if (!earlier) {
        if (entry.aggregate === 'count') link.count = 1;
        aggregated.set(key, link);
        records.links.push(link);
        made += 1;
        return;
      }
      notes.merged += 1;
      if (entry.aggregate === 'count') earlier.count = (earlier.count ?? 1) + 1;
      if (link.at && (!earlier.at || Date.parse(link.at) > Date.parse(earlier.at))) earlier.at = link.at;
    });
    notes.files.push({ file: entry.file, yields: 'links', rows: rows.length + joinedOut, joinedOut, records: made });
  }
  return { records, notes };
}

function example(list: { examples: string[] }, text: string): void {
  if (list.examples.length < EXAMPLES) list.examples.push(text);
}

function linkKey(link: LinkInput): string {
  const ends = [refText(link.from), refText(link.to)];
  if (UNDIRECTED.has(link.type)) ends.sort();
  return `${link.type}|${ends.join('|')}`;
}

function refText(ref: EntityRefInput): string {
  return `${ref.kind}:${ref.source ?? ''}:${ref.externalId}`;
}

function resolveRef(spec: RefSpec, row: CsvRow, nodes: ReadonlyMap<string, EntityRefInput>): EntityRefInput | string {
  if ('node' in spec) {
    const id = evaluateValue(spec.node, row);
    return nodes.get(id) ?? `node ${id || '(empty)'} is not an entity of this import`;
  }
  const ref: EntityRefInput = { kind: spec.kind, externalId: evaluateValue(spec.externalId, row) };
  if (spec.source) ref.source = spec.source;
  return ref;
}

function addEntities(
  entry: EntityMapping,
  rows: CsvRow[],
  records: ImportRecords,
  nodes: Map<string, EntityRefInput>,
): void {
  const kind = ({ people: 'PERSON', brokers: 'BROKER', cases: 'CASE', crossings: 'BORDER_CROSSING' } as const)[
    entry.yields as 'people' | 'brokers' | 'cases' | 'crossings'
  ];
  for (const row of rows) {
    const record = fieldsOf(entry, row);
    if (entry.yields === 'crossings') {
      if (!entry.person) throw new MappingError(`${entry.file}: a crossings mapping needs "person"`);
      const person = resolveRef(entry.person, row, nodes);
      // An unresolved person goes to the service as an empty reference, which it reports.
      (record as unknown as CrossingInput).person =
        typeof person === 'string' ? { kind: 'PERSON', externalId: '' } : person;
    }
    (records[entry.yields] as unknown[]).push(record);
    if (entry.nodeId) nodes.set(evaluateValue(entry.nodeId, row), { kind, externalId: String(record['externalId']) });
  }
}

function addPhones(
  entry: EntityMapping,
  rows: CsvRow[],
  phones: PhoneInput[],
  nodes: Map<string, EntityRefInput>,
  notes: ConversionNotes,
  seen: Set<string>,
): void {
  const read = rows.map((row) => {
    const fields = fieldsOf(entry, row);
    const written = String(fields['number']);
    const country = typeof fields['defaultCountry'] === 'string' ? fields['defaultCountry'] : 'VN';
    return { row, written, country, e164: normalizePhone(written, country) };
  });
  const substitutes =
    entry.undialable === 'substitute' ? substitutePhones(read.filter((p) => !p.e164).map((p) => p.written)) : undefined;
  for (const { row, written, country, e164 } of read) {
    let number = e164;
    if (!number && substitutes) {
      number = substitutes.get(written)!;
      notes.substitutedPhones.count += 1;
      example(notes.substitutedPhones, `${written} → ${number}`);
    }
    if (!number) {
      notes.undialablePhones.count += 1;
      example(notes.undialablePhones, `${written} (read in ${country})`);
    }
    const externalId = number ?? written;
    if (entry.nodeId) nodes.set(evaluateValue(entry.nodeId, row), { kind: 'PHONE', externalId });
    if (seen.has(externalId)) {
      notes.merged += 1;
      continue;
    }
    seen.add(externalId);
    phones.push(number ? { number } : { number: written, defaultCountry: country });
  }
}

function fieldsOf(entry: EntityMapping, row: CsvRow): Record<string, string | string[]> {
  const allowed = FIELDS[entry.yields];
  const record: Record<string, string | string[]> = {};
  for (const name of allowed.required) record[name] = '';
  for (const [name, spec] of Object.entries(entry.fields)) {
    if (name === 'documentNumbers') {
      const specs = Array.isArray(spec) ? spec : [spec];
      const values = specs.map((s) => evaluateValue(s, row)).filter(Boolean);
      if (values.length) record[name] = values;
      continue;
    }
    if (Array.isArray(spec)) throw new MappingError(`${entry.file}: only documentNumbers takes a list`);
    const value = evaluateValue(spec, row);
    if (value || allowed.required.includes(name)) record[name] = value;
  }
  return record;
}

/** The rows of the mapping's file, with the joined files' columns added as `as.column`. */
async function rowsOf(entry: FileMapping, read: TableReader): Promise<{ rows: CsvRow[]; joinedOut: number }> {
  const table = await read(entry.file);
  const columns = new Set(table.columns);
  let rows = table.rows;
  let joinedOut = 0;
  for (const join of entry.join) {
    const other = await read(join.file);
    if (!other.columns.includes(join.column)) {
      throw new MappingError(`${join.file} has no column "${join.column}" (it has ${other.columns.join(', ')})`);
    }
    if (!columns.has(join.on)) throw new MappingError(`${entry.file} has no column "${join.on}" to join on`);
    const index = new Map<string, CsvRow>();
    for (const row of other.rows) {
      const key = row[join.column] ?? '';
      if (!index.has(key)) index.set(key, row);
    }
    for (const column of other.columns) columns.add(`${join.as}.${column}`);
    const joined: CsvRow[] = [];
    for (const row of rows) {
      const match = index.get(row[join.on] ?? '');
      if (!match && join.required) {
        joinedOut += 1;
        continue;
      }
      const extra = Object.fromEntries(other.columns.map((c) => [`${join.as}.${c}`, match?.[c] ?? '']));
      joined.push({ ...row, ...extra });
    }
    rows = joined;
  }
  const missing = [...new Set(specsOf(entry).flatMap(columnsOf))].filter((c) => !columns.has(c));
  if (missing.length) {
    throw new MappingError(
      `${entry.file} has no column ${missing.map((c) => `"${c}"`).join(', ')} (it has ${[...columns].join(', ')})`,
    );
  }
  return { rows, joinedOut };
}

function specsOf(entry: FileMapping): ValueSpec[] {
  const refs = (ref: RefSpec | undefined): ValueSpec[] =>
    ref === undefined ? [] : 'node' in ref ? [ref.node] : [ref.externalId];
  if (entry.yields === 'links') {
    return [...refs(entry.from), ...refs(entry.to), entry.role, entry.at, entry.count].filter(
      (spec): spec is ValueSpec => spec !== undefined,
    );
  }
  const fields = Object.values(entry.fields).flatMap((spec) => (Array.isArray(spec) ? spec : [spec]));
  return [...fields, ...(entry.nodeId ? [entry.nodeId] : []), ...refs(entry.person)];
}

/** Checks a mapping's field names before any file is read. */
export function checkMappingFields(mapping: ImportMapping): void {
  for (const entry of mapping.files) {
    if (entry.yields === 'links') continue;
    const allowed = FIELDS[entry.yields];
    const known = new Set([...allowed.required, ...allowed.optional]);
    const unknown = Object.keys(entry.fields).filter((name) => !known.has(name));
    if (unknown.length) {
      throw new MappingError(
        `${entry.file}: ${entry.yields} have no field ${unknown.join(', ')} (fields: ${[...known].join(', ')})`,
      );
    }
  }
}
