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

/**
 * Collects records per source and cuts them into batches of at most `batchSize` records. Records of one source
 * leave in the order they were added, so a link always travels with or after the entities it names; a reference
 * to another source's entity that is still waiting flushes that source first.
 */
export class BatchRouter {
  private readonly pending = new Map<SourceName, PendingBatch>();
  private readonly sequences = new Map<SourceName, number>();
  private readonly ready: IngestBatchInput[] = [];
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
    this.settleForeignReference(source, record.person);
    this.room(source).crossings.push(record);
    this.added(source, `BORDER_CROSSING:${record.externalId}`);
    this.counts.crossings += 1;
  }

  case(source: SourceName, record: CaseInput): void {
    this.room(source).cases.push(record);
    this.added(source, `CASE:${record.externalId}`);
    this.counts.cases += 1;
  }

  link(source: SourceName, record: LinkInput): void {
    this.settleForeignReference(source, record.from);
    this.settleForeignReference(source, record.to);
    this.room(source).links.push(record);
    this.added(source, null);
    this.counts.links += 1;
  }

  flushAll(): void {
    for (const source of allSources) this.flush(source);
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

  private settleForeignReference(source: SourceName, ref: EntityRefInput): void {
    const other = ref.source as SourceName | undefined;
    if (other === undefined || other === source) return;
    if (this.pending.get(other)?.entityKeys.has(`${ref.kind}:${ref.externalId}`)) this.flush(other);
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
  }
}
