import type {
  BorderCrossingInput,
  BrokerInput,
  CaseInput,
  EntityRefInput,
  IngestBatchInput,
  LinkInput,
  PersonInput,
  PhoneInput,
} from '../ingest-types.ts';
import type { ScenarioCounts } from '../truth-types.ts';
import { allSources, type SourceName } from './sources.ts';

interface PendingBatch {
  people: PersonInput[];
  phones: PhoneInput[];
  brokers: BrokerInput[];
  crossings: BorderCrossingInput[];
  cases: CaseInput[];
  links: LinkInput[];
  size: number;
  /** "KIND:externalId" of the entities waiting in this batch, to order cross-source references. */
  entityKeys: Set<string>;
}

function emptyBatch(): PendingBatch {
  return { people: [], phones: [], brokers: [], crossings: [], cases: [], links: [], size: 0, entityKeys: new Set() };
}

/** A link or crossing that names another source's entity still waiting in that source's batch. */
type HeldRecord =
  | { kind: 'link'; source: SourceName; record: LinkInput }
  | { kind: 'crossing'; source: SourceName; record: BorderCrossingInput };

/**
 * Collects records per source and cuts them into batches of at most `batchSize` records. Records of one source
 * leave in the order they were added, so a link always travels with or after the entities it names. A link or
 * crossing that names another source's entity still waiting to be sent is held back until that source's batch
 * leaves, rather than sending that batch early: batches stay full, so a load makes few large transactions.
 */
export class BatchRouter {
  private readonly pending = new Map<SourceName, PendingBatch>();
  private readonly sequences = new Map<SourceName, number>();
  private readonly ready: IngestBatchInput[] = [];
  /** Held records by the source whose batch they wait for. */
  private readonly held = new Map<SourceName, HeldRecord[]>();
  readonly counts: ScenarioCounts = { people: 0, phones: 0, brokers: 0, crossings: 0, cases: 0, links: 0, batches: 0 };

  constructor(
    private readonly batchSize: number,
    private readonly idempotencyPrefix: string,
  ) {}

  person(source: SourceName, record: PersonInput): void {
    this.room(source).people.push(record);
    this.added(source, `PERSON:${record.externalId}`);
    this.counts.people += 1;
  }

  /** `nationalNumber` identifies the phone however `record.number` is written; repeats within a batch are dropped. */
  phone(source: SourceName, record: PhoneInput, nationalNumber: string): void {
    const key = `PHONE:${nationalNumber}`;
    if (this.pending.get(source)?.entityKeys.has(key)) return;
    this.room(source).phones.push(record);
    this.added(source, key);
    this.counts.phones += 1;
  }

  broker(source: SourceName, record: BrokerInput): void {
    this.room(source).brokers.push(record);
    this.added(source, `BROKER:${record.externalId}`);
    this.counts.brokers += 1;
  }

  crossing(source: SourceName, record: BorderCrossingInput): void {
    this.counts.crossings += 1;
    this.placeCrossing(source, record);
  }

  case(source: SourceName, record: CaseInput): void {
    this.room(source).cases.push(record);
    this.added(source, `CASE:${record.externalId}`);
    this.counts.cases += 1;
  }

  link(source: SourceName, record: LinkInput): void {
    this.counts.links += 1;
    this.placeLink(source, record);
  }

  flushAll(): void {
    // Releasing held records fills batches of sources already flushed: repeat until nothing waits.
    while ([...this.pending.values()].some((batch) => batch.size > 0)) {
      for (const source of allSources) this.flush(source);
    }
  }

  /** Batches completed since the last call, in the order they must be sent. */
  takeReady(): IngestBatchInput[] {
    return this.ready.splice(0, this.ready.length);
  }

  private room(source: SourceName): PendingBatch {
    let batch = this.pending.get(source);
    if (batch && batch.size >= this.batchSize) {
      this.flush(source);
      batch = undefined;
    }
    if (!batch) {
      batch = emptyBatch();
      this.pending.set(source, batch);
    }
    return batch;
  }

  private added(source: SourceName, entityKey: string | null): void {
    const batch = this.pending.get(source);
    if (!batch) return;
    batch.size += 1;
    if (entityKey) batch.entityKeys.add(entityKey);
  }

  private placeCrossing(source: SourceName, record: BorderCrossingInput): void {
    const waitFor = this.pendingForeignSource(source, [record.person]);
    if (waitFor) return this.hold(waitFor, { kind: 'crossing', source, record });
    this.room(source).crossings.push(record);
    this.added(source, `BORDER_CROSSING:${record.externalId}`);
  }

  private placeLink(source: SourceName, record: LinkInput): void {
    const waitFor = this.pendingForeignSource(source, [record.from, record.to]);
    if (waitFor) return this.hold(waitFor, { kind: 'link', source, record });
    this.room(source).links.push(record);
    this.added(source, null);
  }

  /** The other source whose unsent batch holds an entity these references name, if any. */
  private pendingForeignSource(source: SourceName, refs: readonly EntityRefInput[]): SourceName | undefined {
    for (const ref of refs) {
      const other = ref.source as SourceName | undefined;
      if (other === undefined || other === source) continue;
      if (this.pending.get(other)?.entityKeys.has(`${ref.kind}:${ref.externalId}`)) return other;
    }
    return undefined;
  }

  private hold(waitFor: SourceName, held: HeldRecord): void {
    const queue = this.held.get(waitFor) ?? [];
    queue.push(held);
    this.held.set(waitFor, queue);
  }

  /** Places the records that waited for `source`'s batch, now that it has been sent. */
  private release(source: SourceName): void {
    const queue = this.held.get(source);
    if (!queue) return;
    this.held.delete(source);
    for (const held of queue) {
      if (held.kind === 'link') this.placeLink(held.source, held.record);
      else this.placeCrossing(held.source, held.record);
    }
  }

  private flush(source: SourceName): void {
    const batch = this.pending.get(source);
    if (!batch || batch.size === 0) return;
    this.pending.delete(source);
    const sequence = (this.sequences.get(source) ?? 0) + 1;
    this.sequences.set(source, sequence);
    const out: IngestBatchInput = {
      source,
      idempotencyKey: `${this.idempotencyPrefix}-${source}-${String(sequence).padStart(6, '0')}`,
    };
    if (batch.people.length > 0) out.people = batch.people;
    if (batch.phones.length > 0) out.phones = batch.phones;
    if (batch.brokers.length > 0) out.brokers = batch.brokers;
    if (batch.crossings.length > 0) out.crossings = batch.crossings;
    if (batch.cases.length > 0) out.cases = batch.cases;
    if (batch.links.length > 0) out.links = batch.links;
    this.ready.push(out);
    this.counts.batches += 1;
    this.release(source);
  }
}
