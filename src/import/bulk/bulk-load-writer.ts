import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { derivedIdOf } from '../../entities/entity-keys.ts';
import type { IngestBatchInput, IngestReport } from '../../ingest/batch-types.ts';
import type { CheckpointRow } from '../../ingest/checkpoints.ts';
import { BatchTooLargeError, batchIdentity, IngestError, reportOf } from '../../ingest/ingest-batch.ts';
import { validateBatch, type KnownEntity, type ValidatedBatch } from '../../ingest/validate-batch.ts';
import { ErrorCode } from '../../shared/capability-error.ts';
import { BatchRefusedError, type BatchSender } from '../send/batch-sender.ts';
import { csvLine, type FieldValue } from './csv-field.ts';
import { ImportTable } from './import-table.ts';
import { LineFile } from './line-file.ts';
import type { ValidationPool } from './validation-pool.ts';

/** One file of the load as Neo4j's importer takes it: `--nodes=Labels=file` or `--relationships=[TYPE=]file`. */
export interface ImportFile {
  kind: 'nodes' | 'relationships';
  /** Node labels (`Person:Entity`) or a relationship type; none when the file has a :TYPE column. */
  labels: string | undefined;
  path: string;
  rows: number;
}

export interface BulkFiles {
  dir: string;
  files: ImportFile[];
  /** The time every node and relationship of the load carries as created, first and last seen. */
  loadedAt: string;
}

const UNDIRECTED = new Set(['KNOWS', 'RELATIVE_OF']);

/**
 * Link rows: start, end, type, firstSeen, lastSeen, sources, count, lastAt, lastAtMillis, firstAt,
 * firstAtMillis, at, atMillis, role.
 */
function mergeLinks(kept: FieldValue[], next: FieldValue[]): FieldValue[] {
  const merged = [...kept];
  const sources = kept[5] as string[];
  const source = (next[5] as string[])[0]!;
  if (!sources.includes(source)) merged[5] = [...sources, source];
  // CALLED: the largest reported count wins, and the latest call (ingest/link-called).
  if (typeof next[6] === 'number' && (typeof kept[6] !== 'number' || next[6] > kept[6])) merged[6] = next[6];
  if (typeof next[8] === 'number' && (typeof kept[8] !== 'number' || next[8] > kept[8])) {
    merged[7] = next[7];
    merged[8] = next[8];
  }
  // CALLED: and the earliest call (firstAt).
  if (typeof next[10] === 'number' && (typeof kept[10] !== 'number' || next[10] < kept[10])) {
    merged[9] = next[9];
    merged[10] = next[10];
  }
  // RECRUITED_BY: the earliest reported recruitment date wins (ingest/link-recruited-by).
  if (typeof next[12] === 'number' && (typeof kept[12] !== 'number' || next[12] < kept[12])) {
    merged[11] = next[11];
    merged[12] = next[12];
  }
  // INVOLVED_IN: a later report of the role replaces it (ingest/link-involved-in).
  if (next[13] != null) merged[13] = next[13];
  return merged;
}

/**
 * The bulk load's writer: takes batches as the ingest does (the same refusals, the same checks
 * by validateBatch, the same report), and instead of writing them to Neo4j writes the nodes and
 * relationships the ingest would have made into CSV files for Neo4j's offline importer.
 *
 * The store it fills is new, so an entity's id is the one its first record derives, and the
 * references a batch makes to earlier batches resolve against what this load wrote before:
 * the one thing kept per entity is its reference key (with a person's birth date, which the
 * crossings' check needs). Rows go to disk as they come (src/import/bulk/import-table.ts).
 */
export class BulkLoadWriter implements BatchSender {
  readonly describe: string;
  /** Reference key of every entity written so far → the person's birth date, '' for none. */
  private readonly known = new Map<string, string>();
  private readonly batchKeys = new Set<string>();
  private readonly checkpoints = new Map<string, CheckpointRow>();
  private readonly kinds = new Set<string>();
  private readonly linkTypes = new Set<string>();
  private readonly loadedAt: string;
  private readonly tables: Record<string, ImportTable>;
  private readonly labels: Record<string, [ImportFile['kind'], string | undefined]> = {
    people: ['nodes', 'Person:Entity'],
    phones: ['nodes', 'Phone:Entity'],
    brokers: ['nodes', 'Broker:Entity'],
    cases: ['nodes', 'Case:Entity'],
    crossings: ['nodes', 'BorderCrossing:Entity'],
    sourceRecords: ['nodes', 'SourceRecord'],
    records: ['relationships', 'RECORDS'],
    links: ['relationships', undefined],
    crossingLinks: ['relationships', undefined],
  };
  private readonly batchFile: LineFile;
  private batches = 0;
  private records = 0;
  private accepted = 0;
  /** Validations started ahead of their batch's turn (validatingAhead), by batch. */
  private readonly ahead = new WeakMap<IngestBatchInput, Promise<ValidatedBatch>>();
  /** Batches whose turn in send() has ended, and the lookups waiting for a count of them. */
  private sent = 0;
  private readonly turns: { after: number; go: () => void }[] = [];

  private constructor(
    readonly dir: string,
    private readonly now: Date,
  ) {
    this.describe = `import files in ${dir}`;
    this.loadedAt = now.toISOString();
    const table = (name: string, header: string, keep: ConstructorParameters<typeof ImportTable>[2]) =>
      new ImportTable(join(dir, `${name}.csv`), header, keep);
    const seen = 'createdAt,updatedAt';
    this.tables = {
      people: table(
        'people',
        `id:ID(Entity),fullName,foldedName,nameKey,dateOfBirth,sex,nationality,documentNumbers:string[],province,${seen}`,
        'last',
      ),
      phones: table('phones', 'id:ID(Entity),e164,createdAt', 'first'),
      brokers: table('brokers', `id:ID(Entity),name,foldedName,brokerKind,licenseNumber,licenseStatus,${seen}`, 'last'),
      cases: table('cases', `id:ID(Entity),title,status,openedAt,caseNumber,${seen}`, 'last'),
      crossings: table('crossings', `id:ID(Entity),direction,at,atMillis:long,country,vehiclePlate,${seen}`, 'last'),
      sourceRecords: table('source-records', 'key:ID(SourceRecord),kind,source,externalId,firstSeen,lastSeen', 'first'),
      records: table('records', ':START_ID(SourceRecord),:END_ID(Entity)', 'first'),
      links: table(
        'links',
        ':START_ID(Entity),:END_ID(Entity),:TYPE,firstSeen,lastSeen,sources:string[],count:long,lastAt,lastAtMillis:long,firstAt,firstAtMillis:long,at,atMillis:long,role',
        { merge: mergeLinks },
      ),
      crossingLinks: table('crossing-links', ':START_ID(Entity),:END_ID(Entity),:TYPE', 'last'),
    };
    this.batchFile = new LineFile(join(dir, 'ingest-batches.csv'));
    this.batchFile.write('key:ID(IngestBatch),createdAt,report,finishedAt\n');
  }

  /** Writes into `dir`, a new folder or an empty one; `now` is the load's time (the ingest's $now). */
  static async create(dir: string, now = new Date()): Promise<BulkLoadWriter> {
    await mkdir(dir, { recursive: true });
    return new BulkLoadWriter(dir, now);
  }

  /**
   * The batches as they come, each checked ahead on the pool's threads while earlier ones are
   * written: up to `depth` at a time. A batch's check looks up what earlier batches wrote only
   * once their turn in send() is over, so the result is the one checking them in turn gives.
   * Every batch must then be sent, in this order.
   */
  async *validatingAhead<T extends { batch: IngestBatchInput }>(
    batches: AsyncIterable<T> | Iterable<T>,
    pool: ValidationPool,
    depth = pool.threads * 2,
  ): AsyncIterable<T> {
    const queue: T[] = [];
    let started = this.sent;
    for await (const item of batches) {
      this.checkAhead(item.batch, started++, pool);
      queue.push(item);
      if (queue.length >= depth) yield queue.shift()!;
    }
    yield* queue;
  }

  private checkAhead(batch: IngestBatchInput, turn: number, pool: ValidationPool): void {
    let source: string;
    try {
      source = batchIdentity(batch).source;
    } catch {
      return; // refused whole by send(), unchecked
    }
    const lookup = async (keys: readonly string[]) => {
      await this.turnOf(turn);
      return this.lookup(keys);
    };
    const checked = pool.validate({ ...batch, source }, lookup, this.now);
    // Handled when its batch is sent; a load that stops before then leaves it unobserved.
    checked.catch(() => undefined);
    this.ahead.set(batch, checked);
  }

  /** Resolves once `turn` batches have had their turn in send(). */
  private turnOf(turn: number): Promise<void> {
    if (this.sent >= turn) return Promise.resolve();
    return new Promise((go) => this.turns.push({ after: turn, go }));
  }

  private lookup(keys: readonly string[]): Promise<Map<string, KnownEntity>> {
    const found = new Map<string, KnownEntity>();
    for (const key of keys) {
      const birth = this.known.get(key);
      if (birth !== undefined) found.set(key, { id: derivedIdOf(key), dateOfBirth: birth || null });
    }
    return Promise.resolve(found);
  }

  /** Checks one batch as the ingest does and writes its valid records; a repeated idempotency key is a replay. */
  async send(batch: IngestBatchInput): Promise<IngestReport> {
    try {
      return await this.write(batch);
    } finally {
      this.sent += 1;
      for (const turn of this.turns.filter((t) => t.after <= this.sent)) {
        this.turns.splice(this.turns.indexOf(turn), 1);
        turn.go();
      }
    }
  }

  private async write(batch: IngestBatchInput): Promise<IngestReport> {
    const checkedAhead = this.ahead.get(batch);
    this.ahead.delete(batch);
    let identity: ReturnType<typeof batchIdentity>;
    try {
      identity = batchIdentity(batch);
    } catch (error) {
      if (error instanceof BatchTooLargeError) throw new BatchRefusedError(ErrorCode.BATCH_TOO_LARGE, error.message);
      if (error instanceof IngestError) throw new BatchRefusedError(ErrorCode.BAD_USER_INPUT, error.message);
      throw error;
    }
    const { records, source, batchKey } = identity;
    // The ingest answers a key it has seen from the first report and writes nothing; the files
    // hold that report, so a repeat within the load gets the same (the summary counts it replayed).
    if (batchKey && this.batchKeys.has(batchKey)) return { accepted: 0, rejected: 0, errors: [], replayed: true };
    const v = await (checkedAhead ?? validateBatch({ ...batch, source }, (keys) => this.lookup(keys), this.now));
    const report = reportOf(records, v);
    const now = this.loadedAt;
    const t = this.tables;
    const sourceRecord = (key: string, kind: string, externalId: string, id: string) => {
      t.sourceRecords!.add(key, [key, kind, source, externalId, now, now]);
      t.records!.add(key, [key, id]);
    };
    for (const r of v.people) {
      const p = r.props;
      t.people!.add(r.id, [
        r.id,
        p.fullName,
        p.foldedName,
        p.nameKey,
        p.dateOfBirth,
        p.sex,
        p.nationality,
        p.documentNumbers,
        p.province,
        now,
        now,
      ]);
      sourceRecord(r.key, 'PERSON', r.externalId, r.id);
      this.known.set(r.key, p.dateOfBirth ?? '');
    }
    for (const r of v.phones) {
      t.phones!.add(r.id, [r.id, r.e164, now]);
      sourceRecord(r.key, 'PHONE', r.e164, r.id);
      this.known.set(r.ref, '');
    }
    for (const r of v.brokers) {
      const p = r.props;
      t.brokers!.add(r.id, [r.id, p.name, p.foldedName, p.brokerKind, p.licenseNumber, p.licenseStatus, now, now]);
      sourceRecord(r.key, 'BROKER', r.externalId, r.id);
      this.known.set(r.key, '');
    }
    for (const r of v.cases) {
      const p = r.props;
      t.cases!.add(r.id, [r.id, p.title, p.status, p.openedAt, p.caseNumber, now, now]);
      sourceRecord(r.key, 'CASE', r.externalId, r.id);
      this.known.set(r.key, '');
    }
    for (const r of v.crossings) {
      const p = r.props;
      t.crossings!.add(r.id, [r.id, p.direction, p.at, p.atMillis, p.country, p.vehiclePlate, now, now]);
      sourceRecord(r.key, 'BORDER_CROSSING', r.externalId, r.id);
      if (!this.checkpoints.has(r.checkpoint.id)) this.checkpoints.set(r.checkpoint.id, r.checkpoint);
      const personId = derivedIdOf(r.person);
      // One traveller and one checkpoint per crossing: a record sent again with either corrected
      // moves it, as in the ingest (ingest/upsert-crossings), so the last record's are kept.
      t.crossingLinks!.add(`MADE|${r.id}`, [personId, r.id, 'MADE']);
      t.crossingLinks!.add(`AT|${r.id}`, [r.id, r.checkpoint.id, 'AT']);
    }
    for (const l of v.links) {
      const from = derivedIdOf(l.from);
      const to = derivedIdOf(l.to);
      // KNOWS and RELATIVE_OF are one relationship whichever end reports it, kept in the first report's direction.
      const key = UNDIRECTED.has(l.type) && to < from ? `${l.type}|${to}|${from}` : `${l.type}|${from}|${to}`;
      const called = l.type === 'CALLED';
      const recruited = l.type === 'RECRUITED_BY';
      t.links!.add(key, [
        from,
        to,
        l.type,
        now,
        now,
        [l.source],
        called ? (l.count ?? 1) : null,
        called ? l.at : null,
        called ? l.atMillis : null,
        called ? l.at : null,
        called ? l.atMillis : null,
        recruited ? l.at : null,
        recruited ? l.atMillis : null,
        l.type === 'INVOLVED_IN' ? l.role : null,
      ]);
      this.linkTypes.add(l.type);
    }
    const sections: [string, unknown[]][] = [
      ['PERSON', v.people],
      ['PHONE', v.phones],
      ['BROKER', v.brokers],
      ['CASE', v.cases],
      ['BORDER_CROSSING', v.crossings],
    ];
    for (const [kind, rows] of sections) if (rows.length) this.kinds.add(kind);
    if (batchKey) {
      this.batchKeys.add(batchKey);
      this.batchFile.write(csvLine([batchKey, now, JSON.stringify(report), now]));
    }
    this.batches += 1;
    this.records += records;
    this.accepted += report.accepted;
    return report;
  }

  /**
   * Writes the importer's files: every table settled, the checkpoints, and the change feed's
   * head with one BULK_LOAD record (docs/decisions/0017-bulk-load-through-neo4j-import.md).
   */
  async finish(): Promise<BulkFiles> {
    const files: ImportFile[] = [];
    for (const [name, table] of Object.entries(this.tables)) {
      const rows = await table.finish();
      const [kind, labels] = this.labels[name]!;
      files.push({ kind, labels, path: table.file, rows });
    }
    const checkpoints = new LineFile(join(this.dir, 'checkpoints.csv'));
    checkpoints.write('id:ID(Entity),name,code,country\n');
    for (const c of this.checkpoints.values()) checkpoints.write(csvLine([c.id, c.name, c.code, c.country]));
    checkpoints.close();
    files.push({ kind: 'nodes', labels: 'Checkpoint:Entity', path: checkpoints.path, rows: this.checkpoints.size });
    this.batchFile.close();
    files.push({ kind: 'nodes', labels: 'IngestBatch', path: this.batchFile.path, rows: this.batchFile.lines - 1 });

    const head = new LineFile(join(this.dir, 'change-feed-head.csv'));
    head.write('id:ID(ChangeFeedHead),seq:long\n');
    head.write(csvLine(['feed', 1]));
    head.close();
    files.push({ kind: 'nodes', labels: 'ChangeFeedHead', path: head.path, rows: 1 });
    const events = new LineFile(join(this.dir, 'change-events.csv'));
    events.write(
      ':ID(ChangeEvent),seq:long,at,kind,batchId,entityIds:string[],entityKinds:string[],linkTypes:string[],recordKeys:string[],payload\n',
    );
    const payload = { batches: this.batches, records: this.records, accepted: this.accepted };
    events.write(
      csvLine([
        '1',
        1,
        this.loadedAt,
        'BULK_LOAD',
        `bulk|${randomUUID()}`,
        [],
        [...this.kinds],
        [...this.linkTypes],
        [],
        JSON.stringify(payload),
      ]),
    );
    events.close();
    files.push({ kind: 'nodes', labels: 'ChangeEvent', path: events.path, rows: 1 });
    return { dir: this.dir, files, loadedAt: this.loadedAt };
  }
}
