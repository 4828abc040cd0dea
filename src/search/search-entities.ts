import { CapabilityError, ErrorCode } from '../shared/capability-error.ts';
import type { Database } from '../db/database.ts';
import type { EntityKind, EntityRecord } from '../entities/entity-records.ts';
import type { EntityReader } from '../entities/read-entities.ts';
import { normalizePhone } from '../entities/normalize-phone.ts';
import { foldName } from '../text/fold-name.ts';

export interface SearchHit {
  entity: EntityRecord;
  /** 0..1: 1 for an exact name, number or document; lower for looser name matches. */
  score: number;
  /** Which field matched: name, phone or documentNumber. */
  matchedOn: 'name' | 'phone' | 'documentNumber';
}

export interface SearchRequest {
  text: string;
  kinds: readonly EntityKind[] | null;
  first: number;
}

/** The search's one refusal: a text or page it cannot serve. */
export class InvalidSearchError extends CapabilityError {
  override name = 'InvalidSearchError';
  override readonly code = ErrorCode.BAD_USER_INPUT;
}

export const MAX_SEARCH_RESULTS = 100;
const MAX_TEXT_LENGTH = 200;
/** Candidates read per route before ranking; enough for a page of 100 after filtering. */
const CANDIDATES = 300;

/** How closely a folded name matches the folded query, 0 when it does not. */
export function nameScore(name: string, query: string): number {
  if (!name || !query) return 0;
  if (name === query) return 1;
  const nameWords = name.split(' ');
  const queryWords = query.split(' ');
  if ([...nameWords].sort().join(' ') === [...queryWords].sort().join(' ')) return 0.95;
  if (name.startsWith(query)) return 0.8;
  if (wordsArePrefixes(queryWords, nameWords)) return 0.7;
  if (name.includes(query)) return 0.5;
  return 0;
}

/** Every query word starts a different word of the name, in any order. */
function wordsArePrefixes(queryWords: readonly string[], nameWords: readonly string[]): boolean {
  const free = [...nameWords];
  // Longest query words first, so "van" does not take the word that "vanh" needs.
  for (const word of [...queryWords].sort((a, b) => b.length - a.length)) {
    const at = free.findIndex((candidate) => candidate.startsWith(word));
    if (at < 0) return false;
    free.splice(at, 1);
  }
  return true;
}

/** A document number compared without case, spaces or punctuation: "B 123-456" = "b123456". */
export function documentKey(value: string): string {
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, '');
}

function words(value: string): string[] {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{Letter}\p{Number}]+/u)
    .filter(Boolean);
}

/**
 * Finds people, brokers and phones from what an investigator types: a name without regard
 * to diacritics, case or word order ("nguyen van hung", "hung nguyen van"), a phone number
 * in any written form, or a document number. Ranked: exact before reordered before prefix
 * before word prefixes before substring; ties by the shorter name, then by id.
 */
export class EntitySearch {
  constructor(
    private readonly db: Database,
    private readonly entities: EntityReader,
  ) {}

  async search(request: SearchRequest): Promise<SearchHit[]> {
    const text = request.text.trim();
    if (!text) throw new InvalidSearchError('text must not be empty');
    if (text.length > MAX_TEXT_LENGTH)
      throw new InvalidSearchError(`text must be at most ${MAX_TEXT_LENGTH} characters`);
    if (!Number.isInteger(request.first) || request.first < 1 || request.first > MAX_SEARCH_RESULTS) {
      throw new InvalidSearchError(`first must be an integer from 1 to ${MAX_SEARCH_RESULTS}`);
    }
    const kinds = request.kinds?.length ? new Set(request.kinds) : null;
    const wants = (kind: EntityKind) => !kinds || kinds.has(kind);

    const found = new Map<string, { score: number; matchedOn: SearchHit['matchedOn']; name: string }>();
    const offer = (id: string, score: number, matchedOn: SearchHit['matchedOn'], name = '') => {
      const known = found.get(id);
      if (score > 0 && (!known || known.score < score)) found.set(id, { score, matchedOn, name });
    };

    const folded = foldName(text);
    const nameWords = folded.split(' ').filter(Boolean);
    const textWords = words(text);
    const e164 = /\d/.test(text) ? normalizePhone(text) : undefined;
    const searches: Promise<void>[] = [];

    if (e164 && wants('PHONE')) {
      searches.push(
        this.db.read<{ id: string }>('search/phone-by-number', { e164 }).then((rows) => {
          for (const row of rows) offer(row.id, 1, 'phone', row.id);
        }),
      );
    }
    if (textWords.some((w) => /\d/.test(w)) && wants('PERSON')) {
      const key = documentKey(text);
      // As written ("b963 4494" → a phrase of its words) or run together ("b9634494").
      const lucene = `documentNumbers:("${textWords.join(' ')}" OR ${key.toLowerCase()})`;
      searches.push(
        this.db
          .read<{ id: string; documentNumbers: string[] | null }>('search/people-by-document', {
            lucene,
            limit: CANDIDATES,
          })
          .then((rows) => {
            for (const row of rows) {
              if ((row.documentNumbers ?? []).some((d) => documentKey(d) === key))
                offer(row.id, 1, 'documentNumber', key);
            }
          }),
      );
    }
    if (nameWords.length && (wants('PERSON') || wants('BROKER'))) {
      const lucene = `foldedName:(${nameWords.map((w) => `+${w}*`).join(' ')})`;
      const byName = (rows: { id: string; foldedName: string | null }[]) => {
        for (const row of rows) {
          const name = row.foldedName ?? '';
          offer(row.id, nameScore(name, folded), 'name', name);
        }
      };
      searches.push(
        this.db
          .read<{ id: string; foldedName: string | null }>('search/names-by-words', { lucene, limit: CANDIDATES })
          .then(byName),
      );
      if (folded.length >= 3) {
        searches.push(
          this.db
            .read<{ id: string; foldedName: string | null }>('search/names-containing', { folded, limit: CANDIDATES })
            .then(byName),
        );
      }
    }
    await Promise.all(searches);

    const ranked = [...found.entries()].sort(
      ([ia, a], [ib, b]) => b.score - a.score || a.name.length - b.name.length || (ia < ib ? -1 : ia > ib ? 1 : 0),
    );
    const entities = await this.entities.byIds(ranked.map(([id]) => id));
    const hits: SearchHit[] = [];
    for (const [id, hit] of ranked) {
      const entity = entities.get(id);
      if (!entity || !wants(entity.kind)) continue;
      hits.push({ entity, score: hit.score, matchedOn: hit.matchedOn });
      if (hits.length === request.first) break;
    }
    return hits;
  }
}
