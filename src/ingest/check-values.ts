const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
// ICU also names these, but they are groupings or reserved codes, not countries.
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'UK', 'QO']);

/** A real calendar date in ISO form (2024-02-30 is not). */
export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** An ISO 8601 instant with an explicit offset, so its moment is unambiguous. */
export function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) && isDate(value.slice(0, 10));
}

/** An ISO 3166-1 alpha-2 code that ICU knows as a region (VN, CN, LA, KH, ...). */
export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && regionNames.of(value) !== value && !NOT_COUNTRIES.has(value);
}

/**
 * The longest text each ingest field accepts, in UTF-16 code units (what String.length counts).
 *
 * Why these figures: Neo4j refuses an index entry over about 8 KB (8,167 bytes for a range
 * index key), and one refused entry fails the whole write transaction, so every valid record
 * of the batch would be lost with it. The indexed values are built from these fields:
 * SourceRecord.key is `KIND|source|externalId`, IngestBatch.key is `source|idempotencyKey`,
 * Person.foldedName comes from fullName, and the full-text index covers documentNumbers. A code
 * unit is at most 3 bytes of UTF-8, and folding a name can at most triple its length (NFD
 * splits a Hangul syllable into three letters), so the largest key these limits allow is under
 * 3 KB: far inside Neo4j's limit, and still far above any real name, number or identifier.
 * Short fields (dates, codes) are bounded too, so that no error message echoes a huge value.
 */
export const TEXT_LIMITS = {
  source: 100,
  idempotencyKey: 200,
  externalId: 200,
  /** A person's full name or a broker's name. */
  name: 300,
  documentNumber: 64,
  province: 100,
  title: 500,
  caseNumber: 100,
  licenseNumber: 100,
  checkpoint: 100,
  vehiclePlate: 32,
  /** A phone number as written, before it is read as E.164. */
  phoneNumber: 64,
  /** Dates, date-times, country codes and enum values. */
  code: 64,
} as const;

/** More documents than anyone holds (citizen id, passports old and new, a driving licence...). */
export const MAX_DOCUMENTS_PER_PERSON = 20;

/** C0 and C1 controls and DEL, the null byte among them. */
const CONTROL = /\p{Cc}/u;
/** Embeddings, overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI): they make a text display as another. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Half of a UTF-16 surrogate pair without its other half: not text, and not storable as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;
/** White space and characters that show nothing (zero-width space and joiners, word joiner, BOM, soft hyphen, marks). */
const INVISIBLE = /^[\s\p{Default_Ignorable_Code_Point}]*$/u;

export type TextProblemCode = 'INVALID_VALUE' | 'VALUE_TOO_LONG';

export interface TextProblem {
  code: TextProblemCode;
  message: string;
}

/** True when a text would show nothing: empty, white space, or only zero-width characters. */
export function isBlank(value: string): boolean {
  return INVISIBLE.test(value);
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What is wrong with a (trimmed) text before it may be stored, or null. The message names the
 * field and the offending character but never repeats the value, which may be huge.
 */
export function textProblem(value: string, field: string, maxLength: number): TextProblem | null {
  if (value.length > maxLength) {
    return {
      code: 'VALUE_TOO_LONG',
      message: `${field} has ${value.length} characters; at most ${maxLength} are accepted`,
    };
  }
  if (value.includes('\u0000')) return { code: 'INVALID_VALUE', message: `${field} contains a null byte` };
  const control = CONTROL.exec(value);
  if (control) {
    return { code: 'INVALID_VALUE', message: `${field} contains a control character (${codePoint(control[0])})` };
  }
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) {
    return {
      code: 'INVALID_VALUE',
      message: `${field} contains a bidirectional override or isolate character (${codePoint(bidi[0])})`,
    };
  }
  if (LONE_SURROGATE.test(value)) return { code: 'INVALID_VALUE', message: `${field} is not well-formed text` };
  return null;
}
