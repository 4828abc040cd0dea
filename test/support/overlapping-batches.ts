import { expect } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { IngestBatchInput, LinkInput } from '../../src/ingest/batch-types.ts';
import { uniquePhone } from './database.ts';

export interface OverlappingBatches {
  /** The batches each instance sends, in the order it sends them. */
  perInstance: IngestBatchInput[][];
  expected: { people: number; phones: number; crossings: number; usesPhone: number };
  phones: string[];
}

/**
 * Batches for several instances at once that touch the same rows: every batch reports the same
 * shared people of `source` (as a sender that retried through another instance would) and uses
 * the same few phones and one border checkpoint, beside people of its own. So concurrent
 * transactions lock the same nodes in different orders, which is what deadlocks.
 */
export function overlappingBatches(options: {
  source: string;
  instances: number;
  batchesPerInstance: number;
  ownPeople: number;
  sharedPeople: number;
  sharedPhones: number;
}): OverlappingBatches {
  const { source, instances, batchesPerInstance, ownPeople, sharedPeople, sharedPhones } = options;
  const phones = Array.from({ length: sharedPhones }, () => uniquePhone());
  const person = (externalId: string) => ({ kind: 'PERSON' as const, externalId });
  const perInstance: IngestBatchInput[][] = [];
  const usesPhone = new Set<string>();
  for (let i = 0; i < instances; i++) {
    const batches: IngestBatchInput[] = [];
    for (let b = 0; b < batchesPerInstance; b++) {
      const own = Array.from({ length: ownPeople }, (_, k) => `own-${i}-${b}-${k}`);
      const shared = Array.from({ length: sharedPeople }, (_, k) => `shared-${k}`);
      // Each instance walks the shared rows in an order of its own, so two transactions meet them crosswise.
      if (i % 2) shared.reverse();
      const everyone = [...shared, ...own];
      const links: LinkInput[] = [];
      everyone.forEach((id, k) => {
        const phone = phones[k % sharedPhones]!;
        usesPhone.add(`${id}>${phone}`);
        links.push({ type: 'USES_PHONE', from: person(id), to: { kind: 'PHONE', externalId: phone } });
        links.push({ type: 'KNOWS', from: person(id), to: person(everyone[(k + 1) % everyone.length]!) });
      });
      batches.push({
        source,
        idempotencyKey: `instance-${i}-batch-${b}`,
        people: everyone.map((id) => ({ externalId: id, fullName: `Trần Thị ${id}`, dateOfBirth: '1990-05-01' })),
        phones: phones.map((number) => ({ number })),
        crossings: own.map((id) => ({
          externalId: `crossing-${id}`,
          person: person(id),
          checkpoint: 'Móng Cái',
          direction: 'EXIT',
          at: '2024-03-01T08:00:00+07:00',
          country: 'CN',
        })),
        links,
      });
    }
    perInstance.push(batches);
  }
  const ownTotal = instances * batchesPerInstance * ownPeople;
  return {
    perInstance,
    phones,
    expected: {
      people: sharedPeople + ownTotal,
      phones: sharedPhones,
      crossings: ownTotal,
      usesPhone: usesPhone.size,
    },
  };
}

/** Checks that the store holds every record of `source` once: none lost, none doubled. */
export async function expectEachRecordOnce(db: Database, source: string, batches: OverlappingBatches): Promise<void> {
  const [row] = await db.runText<Record<string, number>>(
    `CALL { MATCH (s:SourceRecord {source: $source, kind: 'PERSON'}) RETURN count(*) AS personRecords, count(DISTINCT s.key) AS personKeys }
     CALL { MATCH (s:SourceRecord {source: $source, kind: 'PERSON'})-[:RECORDS]->(p:Person) RETURN count(DISTINCT p) AS people }
     CALL { MATCH (s:SourceRecord {source: $source})-[:RECORDS]->(e) WITH s, count(e) AS c WHERE c <> 1 RETURN count(*) AS recordsNotOfOne }
     CALL { UNWIND $phones AS e164 OPTIONAL MATCH (p:Phone {e164: e164}) WITH e164, count(p) AS c WHERE c <> 1 RETURN count(*) AS phonesNotOnce }
     CALL { MATCH (s:SourceRecord {source: $source, kind: 'BORDER_CROSSING'})-[:RECORDS]->(c:BorderCrossing) RETURN count(DISTINCT c) AS crossings }
     CALL { MATCH (cp:Checkpoint) WITH cp.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS checkpointsDoubled }
     CALL { MATCH (:SourceRecord {source: $source, kind: 'PERSON'})-[:RECORDS]->(p:Person)-[r:USES_PHONE]->(:Phone)
            RETURN count(r) AS usesPhone, count(DISTINCT r) AS usesPhoneDistinct }
     CALL { MATCH (:SourceRecord {source: $source, kind: 'PERSON'})-[:RECORDS]->(p:Person)-[:USES_PHONE]->(ph:Phone)
            WITH p, ph, count(*) AS c WHERE c > 1 RETURN count(*) AS usesPhoneDoubled }
     CALL { MATCH (:SourceRecord {source: $source, kind: 'PERSON'})-[:RECORDS]->(a:Person)-[:KNOWS]-(b:Person)
            WHERE elementId(a) < elementId(b) WITH a, b, count(*) AS c WHERE c > 1 RETURN count(*) AS knowsDoubled }
     CALL { MATCH (b:IngestBatch) WHERE b.key STARTS WITH $source + '|' RETURN count(b) AS batches, count(b.report) AS reports }
     RETURN *`,
    { source, phones: batches.phones },
  );
  const sent = batches.perInstance.flat().length;
  expect(row).toEqual({
    personRecords: batches.expected.people,
    personKeys: batches.expected.people,
    people: batches.expected.people,
    recordsNotOfOne: 0,
    phonesNotOnce: 0,
    crossings: batches.expected.crossings,
    checkpointsDoubled: 0,
    usesPhone: batches.expected.usesPhone,
    usesPhoneDistinct: batches.expected.usesPhone,
    usesPhoneDoubled: 0,
    knowsDoubled: 0,
    batches: sent,
    reports: sent,
  });
}
