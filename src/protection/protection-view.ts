import type { Clearance } from '../auth/roles.ts';
import type { EntityRecord } from '../entities/entity-records.ts';
import { maskEntity, mustMask } from './mask-entity.ts';
import type { ProtectedEntity, ProtectionReader } from './protection-reader.ts';
import { pseudonym } from './pseudonym.ts';

/** What a chart, a path or an export shows of an entity. */
export interface LabelledNode {
  id: string;
  kind: string;
  label: string;
}

const E164_IN_TEXT = /\+[1-9]\d{6,14}/g;

/**
 * One request's view of protected people: every entity, chart node or text that leaves the
 * service for this viewer passes through here. It masks what the viewer's clearance does not
 * cover, and reports the ids it showed (for the audit record). Whether an entity is protected
 * is decided by ProtectionReader, which follows the person across agencies' records; it is
 * looked up once per entity per request, and a viewer holding both clearances costs no lookup.
 */
export class ProtectionView {
  private readonly known = new Map<string, ProtectedEntity | null>();
  private readonly numbers = new Map<string, ProtectedEntity | null>();
  private readonly fullyCleared: boolean;

  constructor(
    private readonly reader: ProtectionReader,
    private readonly clearance: ReadonlySet<Clearance>,
    private readonly key: Buffer,
    private readonly onShown: (ids: readonly string[]) => void = () => undefined,
  ) {
    this.fullyCleared = clearance.has('minors') && clearance.has('victims');
  }

  /** The ids among these whose identifying fields this viewer may not see. */
  async maskedIds(ids: readonly string[]): Promise<Set<string>> {
    if (this.fullyCleared) return new Set();
    await this.lookUp(ids, []);
    return new Set(ids.filter((id) => mustMask(this.known.get(id) ?? undefined, this.clearance)));
  }

  /** Entity records as this viewer may see them. */
  async entities<T extends EntityRecord>(records: readonly T[]): Promise<T[]> {
    this.onShown(records.map((r) => r.id));
    const masked = await this.maskedIds(
      records.filter((r) => r.kind === 'PERSON' || r.kind === 'PHONE').map((r) => r.id),
    );
    return records.map((r) => (masked.has(r.id) ? maskEntity(r, this.key) : r));
  }

  async entity<T extends EntityRecord>(record: T | undefined): Promise<T | undefined> {
    return record ? (await this.entities([record]))[0] : undefined;
  }

  /** Chart and path nodes: a protected person's or phone's label becomes its pseudonym. */
  async chartNodes<T extends LabelledNode>(nodes: readonly T[]): Promise<T[]> {
    this.onShown(nodes.map((n) => n.id));
    const masked = await this.maskedIds(
      nodes.filter((n) => n.kind === 'PERSON' || n.kind === 'PHONE').map((n) => n.id),
    );
    return nodes.map((n) =>
      masked.has(n.id) ? { ...n, label: pseudonym(this.key, n.kind === 'PHONE' ? 'PHONE' : 'PERSON', n.id) } : n,
    );
  }

  /** Search hits without the protected ones: a hit on a protected name or document would reveal it. */
  async withoutMasked(ids: readonly string[]): Promise<string[]> {
    const masked = await this.maskedIds(ids);
    return ids.filter((id) => !masked.has(id));
  }

  /** Search hits without protected entities (the hit itself would confirm the name, document or number searched). */
  async searchHits<T extends { entity: EntityRecord }>(hits: readonly T[]): Promise<T[]> {
    const masked = await this.maskedIds(hits.map((hit) => hit.entity.id));
    const visible = hits.filter((hit) => !masked.has(hit.entity.id));
    this.onShown(visible.map((hit) => hit.entity.id));
    return visible;
  }

  /**
   * An entity looked up by an identifier the caller typed (entity(ref:): an agency's externalId,
   * a phone number): undefined when masked, as for an unknown identifier, since answering with
   * the protected entity would confirm the identifier, as a search hit would.
   */
  async unlessMasked<T extends EntityRecord>(record: T | undefined): Promise<T | undefined> {
    if (!record) return undefined;
    return (await this.maskedIds([record.id])).has(record.id) ? undefined : record;
  }

  /**
   * Pairs of people (duplicate candidates) this viewer may see: both halves masked, or neither.
   * A pair with one protected half and one that is not would show the other half in clear beside
   * reasons such as "the same birth date", which tell the protected half's details.
   */
  async pairsWithoutMixed<T extends { a: string; b: string }>(pairs: readonly T[]): Promise<T[]> {
    if (this.fullyCleared) return [...pairs];
    const masked = await this.maskedIds(pairs.flatMap((p) => [p.a, p.b]));
    return pairs.filter((p) => masked.has(p.a) === masked.has(p.b));
  }

  /**
   * Free text (ring factor descriptions, summaries): E.164 numbers of protected phones become
   * their pseudonyms, and so do the names of protected people among `relatedIds` (a ring's
   * members: a person who recruits is named in the factor about recruitment).
   */
  async text(text: string, relatedIds: readonly string[] = []): Promise<string> {
    if (this.fullyCleared) return text;
    const numbers = [...new Set(text.match(E164_IN_TEXT) ?? [])];
    await this.lookUp(relatedIds, numbers);
    let result = text;
    for (const number of numbers) {
      const phone = this.numbers.get(number);
      if (phone && mustMask(phone, this.clearance)) {
        result = result.split(number).join(pseudonym(this.key, 'PHONE', phone.id));
      }
    }
    for (const id of relatedIds) {
      const person = this.known.get(id);
      const name = person?.fullName?.trim();
      if (!person || !mustMask(person, this.clearance)) continue;
      if (name && name.length >= 3) result = result.split(name).join(pseudonym(this.key, 'PERSON', person.id));
      // Her documents and birth date, as someone may have typed them (a note): the number with or without its kind.
      const documents = (person.documentNumbers ?? []).flatMap((d) => [d, d.slice(d.indexOf(':') + 1).trim()]);
      for (const document of documents.filter((d) => d.length >= 4).sort((a, b) => b.length - a.length)) {
        result = result.split(document).join('[document withheld]');
      }
      if (person.dateOfBirth) result = result.split(person.dateOfBirth).join('[date withheld]');
    }
    return result;
  }

  private async lookUp(ids: readonly string[], numbers: readonly string[]): Promise<void> {
    const newIds = ids.filter((id) => !this.known.has(id));
    const newNumbers = numbers.filter((n) => !this.numbers.has(n));
    if (!newIds.length && !newNumbers.length) return;
    const found = await this.reader.protectedAmong(newIds, newNumbers);
    for (const id of newIds) this.known.set(id, null);
    for (const n of newNumbers) this.numbers.set(n, null);
    for (const entity of found) {
      const protection = { ...entity, minor: entity.minor === true, victim: entity.victim === true };
      this.known.set(entity.id, protection);
      if (entity.e164) this.numbers.set(entity.e164, protection);
    }
  }
}
