import type { EntityKind } from '../entities/entity-records.ts';
import * as vocabulary from '../entities/vocabulary.ts';
import { foldName, nameKey, normalizeName } from '../text/fold-name.ts';
import type { EntityRefInput, IngestBatchInput, LinkInput, PersonInput, RecordError, Section } from './batch-types.ts';
import { checkpointFor, type CheckpointRow } from './checkpoints.ts';
import { entityId, refKey, sourceKey } from '../entities/entity-keys.ts';
import {
  MAX_DOCUMENTS_PER_PERSON,
  TEXT_LIMITS,
  isBlank,
  isCountryCode,
  isDate,
  isDateTime,
  textProblem,
} from './check-values.ts';
import { normalizePhone } from '../entities/normalize-phone.ts';

/** Rows as the ingest Cypher takes them: normalised, keyed, with deterministic ids. */
export interface SourcedRow {
  key: string;
  id: string;
  source: string;
  externalId: string;
}
export interface PersonRow extends SourcedRow {
  props: {
    fullName: string;
    foldedName: string;
    nameKey: string;
    dateOfBirth: string | null;
    sex: string | null;
    nationality: string | null;
    documentNumbers: string[];
    province: string | null;
  };
}
export interface PhoneRow extends SourcedRow {
  /** How links name this phone, whoever sent it. */
  ref: string;
  e164: string;
}
export interface BrokerRow extends SourcedRow {
  props: {
    name: string;
    foldedName: string;
    brokerKind: string;
    licenseNumber: string | null;
    licenseStatus: string;
  };
}
export interface CaseRow extends SourcedRow {
  props: { title: string; status: string; openedAt: string; caseNumber: string | null };
}
export interface CrossingRow extends SourcedRow {
  person: string;
  checkpoint: CheckpointRow;
  props: { direction: string; at: string; atMillis: number; country: string; vehiclePlate: string | null };
}
export interface LinkRow {
  type: string;
  from: string;
  to: string;
  role: string | null;
  at: string | null;
  atMillis: number | null;
  count: number | null;
  source: string;
}

export interface ValidatedBatch {
  people: PersonRow[];
  phones: PhoneRow[];
  brokers: BrokerRow[];
  cases: CaseRow[];
  crossings: CrossingRow[];
  links: LinkRow[];
  errors: RecordError[];
  /** References to entities the batch does not carry; the caller looks them up in the store. */
  externalRefs: string[];
  /** The ids those references resolved to. */
  knownIds: Map<string, string>;
}

/** What the store knows of an entity referred to from outside the batch. */
export interface KnownEntity {
  id: string;
  dateOfBirth: string | null;
}

export type RefLookup = (refKeys: readonly string[]) => Promise<ReadonlyMap<string, KnownEntity>>;

const SEXES = new Set<string>(vocabulary.SEXES);
const BROKER_KINDS = new Set<string>(vocabulary.BROKER_KINDS);
const LICENSE_STATUSES = new Set<string>(vocabulary.LICENSE_STATUSES);
const DIRECTIONS = new Set<string>(vocabulary.CROSSING_DIRECTIONS);
const CASE_STATUSES = new Set<string>(vocabulary.CASE_STATUSES);
const CASE_ROLES = new Set<string>(vocabulary.CASE_ROLES);
const EARLIEST_BIRTH = '1900-01-01';

/** Which kinds each link type joins, as the contract states. */
const LINK_RULES: Record<vocabulary.LinkType, { from: readonly EntityKind[]; to: readonly EntityKind[] }> = {
  USES_PHONE: { from: ['PERSON', 'BROKER'], to: ['PHONE'] },
  CALLED: { from: ['PHONE'], to: ['PHONE'] },
  RECRUITED_BY: { from: ['PERSON'], to: ['BROKER', 'PERSON'] },
  KNOWS: { from: ['PERSON'], to: ['PERSON'] },
  RELATIVE_OF: { from: ['PERSON'], to: ['PERSON'] },
  INVOLVED_IN: { from: ['PERSON', 'BROKER', 'PHONE'], to: ['CASE'] },
  OPERATES: { from: ['PERSON'], to: ['BROKER'] },
};

class RecordProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ENTITY_KINDS = new Set<string>(['PERSON', 'PHONE', 'BROKER', 'BORDER_CROSSING', 'CASE', 'CHECKPOINT']);
const LIMIT = TEXT_LIMITS;

/** A text as sent, trimmed; anything but a string (a batch file may hold a number) is refused. */
function trimmedText(value: unknown, field: string): string {
  if (value == null) return '';
  if (typeof value !== 'string') throw new RecordProblem('INVALID_VALUE', `${field} must be text`);
  return value.trim();
}

function checked(value: string, field: string, maxLength: number): string {
  const problem = textProblem(value, field, maxLength);
  if (problem) throw new RecordProblem(problem.code, problem.message);
  return value;
}

/** A text that must show something: empty, white space or only zero-width characters is MISSING_FIELD. */
function required(value: unknown, field: string, maxLength: number): string {
  const trimmed = trimmedText(value, field);
  if (isBlank(trimmed)) throw new RecordProblem('MISSING_FIELD', `${field} is empty`);
  return checked(trimmed, field, maxLength);
}

/** A text that may be absent; one that shows nothing counts as absent. */
function optional(value: unknown, field: string, maxLength: number): string | null {
  const trimmed = trimmedText(value, field);
  return isBlank(trimmed) ? null : checked(trimmed, field, maxLength);
}

function oneOf(value: string | null | undefined, allowed: Set<string>, field: string): string {
  const v = required(value, field, LIMIT.code);
  if (!allowed.has(v)) throw new RecordProblem('INVALID_VALUE', `${field} must be one of ${[...allowed].join(', ')}`);
  return v;
}

function country(value: string | null | undefined, field: string): string {
  const v = required(value, field, LIMIT.code).toUpperCase();
  if (!isCountryCode(v))
    throw new RecordProblem('INVALID_COUNTRY', `${field} "${v}" is not an ISO 3166-1 alpha-2 code`);
  return v;
}

/** A name as stored (NFC, single spaces), within the limit also after normalising, which may lengthen it. */
function name(value: unknown, field: string): string {
  const normalized = normalizeName(required(value, field, LIMIT.name));
  return checked(normalized, field, LIMIT.name);
}

/** Document numbers: at most MAX_DOCUMENTS_PER_PERSON, each checked; blanks and repeats dropped. */
function documents(value: unknown): string[] {
  if (value == null) return [];
  if (!Array.isArray(value)) throw new RecordProblem('INVALID_VALUE', 'documentNumbers must be a list');
  if (value.length > MAX_DOCUMENTS_PER_PERSON) {
    throw new RecordProblem(
      'VALUE_TOO_LONG',
      `documentNumbers has ${value.length} entries; at most ${MAX_DOCUMENTS_PER_PERSON} are accepted`,
    );
  }
  const numbers = value.map((d, i) => optional(d, `documentNumbers[${i}]`, LIMIT.documentNumber));
  return [...new Set(numbers.filter((d): d is string => d !== null))];
}

/**
 * Checks and normalises a batch without touching the store, except to look up the
 * entities that its links and crossings name from earlier batches. Every record either
 * becomes a row or an error naming its section, index and a stable code.
 */
export async function validateBatch(
  batch: IngestBatchInput,
  lookup: RefLookup,
  now: Date = new Date(),
): Promise<ValidatedBatch> {
  const source = batch.source.trim();
  const today = now.toISOString().slice(0, 10);
  const errors: RecordError[] = [];
  const out: ValidatedBatch = {
    people: [],
    phones: [],
    brokers: [],
    cases: [],
    crossings: [],
    links: [],
    errors,
    externalRefs: [],
    knownIds: new Map(),
  };
  /** Entities of this batch by reference key, with what later checks need. */
  const inBatch = new Map<string, { dateOfBirth: string | null }>();

  function each<T>(section: Section, records: readonly T[] | null | undefined, check: (record: T) => void): void {
    (records ?? []).forEach((record, index) => {
      try {
        check(record);
      } catch (error) {
        if (!(error instanceof RecordProblem)) throw error;
        errors.push({ section, index, code: error.code, message: error.message });
      }
    });
  }

  each('people', batch.people, (p: PersonInput) => {
    const externalId = required(p.externalId, 'externalId', LIMIT.externalId);
    const fullName = name(p.fullName, 'fullName');
    const dateOfBirth = optional(p.dateOfBirth, 'dateOfBirth', LIMIT.code);
    if (dateOfBirth !== null) {
      if (!isDate(dateOfBirth)) throw new RecordProblem('INVALID_DATE', `dateOfBirth "${dateOfBirth}" is not a date`);
      if (dateOfBirth > today) throw new RecordProblem('INVALID_DATE', `dateOfBirth ${dateOfBirth} is in the future`);
      if (dateOfBirth < EARLIEST_BIRTH)
        throw new RecordProblem('INVALID_DATE', `dateOfBirth ${dateOfBirth} is before 1900`);
    }
    const sex = p.sex == null ? null : oneOf(p.sex, SEXES, 'sex');
    const nationality = p.nationality == null ? null : country(p.nationality, 'nationality');
    const documentNumbers = documents(p.documentNumbers);
    const province = optional(p.province, 'province', LIMIT.province);
    const key = sourceKey('PERSON', source, externalId);
    out.people.push({
      key,
      id: entityId('PERSON', key),
      source,
      externalId,
      props: {
        fullName,
        foldedName: foldName(fullName),
        nameKey: nameKey(fullName),
        dateOfBirth,
        sex,
        nationality,
        documentNumbers,
        province,
      },
    });
    inBatch.set(key, { dateOfBirth });
  });

  each('phones', batch.phones, (p) => {
    const number = required(p.number, 'number', LIMIT.phoneNumber);
    const defaultCountry = p.defaultCountry == null ? 'VN' : country(p.defaultCountry, 'defaultCountry');
    const e164 = normalizePhone(number, defaultCountry);
    if (!e164)
      throw new RecordProblem('INVALID_PHONE', `"${number}" is not a dialable number (read in ${defaultCountry})`);
    const key = sourceKey('PHONE', source, e164);
    const ref = refKey('PHONE', source, e164);
    out.phones.push({ key, ref, id: entityId('PHONE', ref), source, externalId: e164, e164 });
    inBatch.set(ref, { dateOfBirth: null });
  });

  each('brokers', batch.brokers, (b) => {
    const externalId = required(b.externalId, 'externalId', LIMIT.externalId);
    const brokerName = name(b.name, 'name');
    const brokerKind = oneOf(b.kind, BROKER_KINDS, 'kind');
    const licenseStatus = b.licenseStatus == null ? 'NONE' : oneOf(b.licenseStatus, LICENSE_STATUSES, 'licenseStatus');
    const licenseNumber = optional(b.licenseNumber, 'licenseNumber', LIMIT.licenseNumber);
    const key = sourceKey('BROKER', source, externalId);
    out.brokers.push({
      key,
      id: entityId('BROKER', key),
      source,
      externalId,
      props: {
        name: brokerName,
        foldedName: foldName(brokerName),
        brokerKind,
        licenseNumber,
        licenseStatus,
      },
    });
    inBatch.set(key, { dateOfBirth: null });
  });

  each('cases', batch.cases, (c) => {
    const externalId = required(c.externalId, 'externalId', LIMIT.externalId);
    const title = normalizeName(required(c.title, 'title', LIMIT.title));
    const status = oneOf(c.status, CASE_STATUSES, 'status');
    const openedAt = required(c.openedAt, 'openedAt', LIMIT.code);
    if (!isDate(openedAt)) throw new RecordProblem('INVALID_DATE', `openedAt "${openedAt}" is not a date`);
    if (openedAt > today) throw new RecordProblem('INVALID_DATE', `openedAt ${openedAt} is in the future`);
    const caseNumber = optional(c.caseNumber, 'caseNumber', LIMIT.caseNumber);
    const key = sourceKey('CASE', source, externalId);
    out.cases.push({
      key,
      id: entityId('CASE', key),
      source,
      externalId,
      props: { title, status, openedAt, caseNumber },
    });
    inBatch.set(key, { dateOfBirth: null });
  });

  // Crossings and links may name entities of earlier batches: collect those references
  // first, look them all up in one query, then check each record.
  const refOf = (ref: EntityRefInput): string => {
    if (!ref || !ref.kind) throw new RecordProblem('MISSING_FIELD', 'an entity reference is incomplete');
    if (!ENTITY_KINDS.has(ref.kind))
      throw new RecordProblem('INVALID_VALUE', 'an entity reference has an unknown kind');
    const externalId = required(ref.externalId, `${ref.kind} reference externalId`, LIMIT.externalId);
    if (ref.kind === 'PHONE') {
      const e164 = normalizePhone(externalId, 'VN');
      if (!e164) throw new RecordProblem('INVALID_PHONE', `"${externalId}" is not a dialable number`);
      return refKey('PHONE', source, e164);
    }
    return refKey(ref.kind, optional(ref.source, `${ref.kind} reference source`, LIMIT.source) ?? source, externalId);
  };
  const wanted = new Set<string>();
  for (const c of batch.crossings ?? []) collectRef(() => refOf(c.person), inBatch, wanted);
  for (const l of batch.links ?? []) {
    collectRef(() => refOf(l.from), inBatch, wanted);
    collectRef(() => refOf(l.to), inBatch, wanted);
  }
  out.externalRefs = [...wanted];
  const known = out.externalRefs.length ? await lookup(out.externalRefs) : new Map<string, KnownEntity>();
  for (const [key, entity] of known) out.knownIds.set(key, entity.id);
  const resolve = (key: string, what: string): { dateOfBirth: string | null } => {
    const found = inBatch.get(key) ?? known.get(key);
    if (!found)
      throw new RecordProblem('UNKNOWN_REFERENCE', `${what} ${describeRef(key)} is neither in this batch nor known`);
    return found;
  };

  each('crossings', batch.crossings, (c) => {
    const externalId = required(c.externalId, 'externalId', LIMIT.externalId);
    if (c.person?.kind !== 'PERSON') throw new RecordProblem('INVALID_LINK', 'a crossing must name a PERSON');
    const direction = oneOf(c.direction, DIRECTIONS, 'direction');
    const at = required(c.at, 'at', LIMIT.code);
    if (!isDateTime(at)) throw new RecordProblem('INVALID_DATE', `at "${at}" is not a date-time with an offset`);
    if (Date.parse(at) > now.getTime() + 86_400_000)
      throw new RecordProblem('INVALID_DATE', `at ${at} is in the future`);
    const otherSide = country(c.country, 'country');
    const checkpoint = checkpointFor(required(c.checkpoint, 'checkpoint', LIMIT.checkpoint), otherSide);
    const vehiclePlate = optional(c.vehiclePlate, 'vehiclePlate', LIMIT.vehiclePlate);
    const person = refOf(c.person);
    const { dateOfBirth } = resolve(person, 'person');
    if (dateOfBirth && at.slice(0, 10) < dateOfBirth) {
      throw new RecordProblem('INVALID_DATE', `the crossing at ${at} is before the person's birth on ${dateOfBirth}`);
    }
    const key = sourceKey('BORDER_CROSSING', source, externalId);
    out.crossings.push({
      key,
      id: entityId('BORDER_CROSSING', key),
      source,
      externalId,
      person,
      checkpoint,
      props: { direction, at, atMillis: Date.parse(at), country: otherSide, vehiclePlate },
    });
  });

  each('links', batch.links, (l: LinkInput) => {
    const rule = (LINK_RULES as Record<string, (typeof LINK_RULES)[vocabulary.LinkType] | undefined>)[
      required(l.type, 'type', LIMIT.code)
    ];
    if (!rule) throw new RecordProblem('INVALID_LINK', `unknown link type ${l.type}`);
    for (const end of [l.from, l.to]) {
      if (end?.kind != null && !ENTITY_KINDS.has(end.kind))
        throw new RecordProblem('INVALID_VALUE', 'an entity reference has an unknown kind');
    }
    if (!rule.from.includes(l.from?.kind)) {
      throw new RecordProblem(
        'INVALID_LINK',
        `${l.type} cannot start at a ${l.from?.kind} (allowed: ${rule.from.join(', ')})`,
      );
    }
    if (!rule.to.includes(l.to?.kind)) {
      throw new RecordProblem(
        'INVALID_LINK',
        `${l.type} cannot end at a ${l.to?.kind} (allowed: ${rule.to.join(', ')})`,
      );
    }
    const role = optional(l.role, 'role', LIMIT.code);
    if (role !== null && !CASE_ROLES.has(role))
      throw new RecordProblem('INVALID_VALUE', `role ${role} is not a case role`);
    if (l.type === 'INVOLVED_IN' && l.from.kind === 'PERSON' && role === null) {
      throw new RecordProblem('INVALID_LINK', 'INVOLVED_IN from a PERSON needs a role');
    }
    const at = optional(l.at, 'at', LIMIT.code);
    if (at !== null && !isDateTime(at))
      throw new RecordProblem('INVALID_DATE', `at "${at}" is not a date-time with an offset`);
    if (l.count != null && (!Number.isInteger(l.count) || l.count < 1)) {
      throw new RecordProblem('INVALID_VALUE', 'count must be a whole number of at least 1');
    }
    const from = refOf(l.from);
    const to = refOf(l.to);
    resolve(from, 'from');
    resolve(to, 'to');
    if (from === to) throw new RecordProblem('INVALID_LINK', 'a link cannot join an entity to itself');
    out.links.push({
      type: l.type,
      from,
      to,
      role: l.type === 'INVOLVED_IN' ? role : null,
      at,
      atMillis: at === null ? null : Date.parse(at),
      count: l.type === 'CALLED' ? (l.count ?? 1) : null,
      source,
    });
  });

  errors.sort((a, b) => SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) || a.index - b.index);
  return out;
}

const SECTION_ORDER: Section[] = ['people', 'phones', 'brokers', 'crossings', 'cases', 'links'];

function collectRef(ref: () => string, inBatch: ReadonlyMap<string, unknown>, wanted: Set<string>): void {
  try {
    const key = ref();
    if (!inBatch.has(key)) wanted.add(key);
  } catch (error) {
    // A malformed reference is reported when its record is checked.
    if (!(error instanceof RecordProblem)) throw error;
  }
}

function describeRef(key: string): string {
  const [kind, source, externalId] = key.split('|');
  return kind === 'PHONE' ? `PHONE ${externalId}` : `${kind} ${externalId} of source ${source}`;
}
