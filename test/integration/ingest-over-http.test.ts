import { describe, expect, it } from 'vitest';
import { uniquePhone, uniqueSource } from '../support/database.ts';
import { INGEST, graphql } from '../support/service.ts';
import { serviceAndDatabase } from '../support/service-and-database.ts';

interface IngestResult {
  ingest: {
    accepted: number;
    rejected: number;
    replayed: boolean;
    errors: { section: string; index: number; code: string }[];
  };
}

const running = serviceAndDatabase();

async function ingest(batch: Record<string, unknown>) {
  return graphql<IngestResult>(running.service.url, INGEST, { batch });
}

/** Counts what one source wrote, straight from the store. */
async function countsOf(source: string) {
  const [row] = await running.db.runText<Record<string, number>>(
    `OPTIONAL MATCH (s:SourceRecord {source: $source})-[:RECORDS]->(e)
     WITH collect(DISTINCT e) AS entities
     CALL (entities) {
       UNWIND entities AS e
       MATCH (e)-[r]-(:Entity) WHERE $source IN r.sources
       RETURN count(DISTINCT r) AS links
     }
     RETURN size(entities) AS entities, links,
            size([e IN entities WHERE e:Person]) AS people, size([e IN entities WHERE e:Phone]) AS phones`,
    { source },
  );
  return row!;
}

function mixedBatch(source: string, phone: string) {
  return {
    source,
    people: [
      { externalId: 'p1', fullName: 'Nguyễn Văn Hùng', dateOfBirth: '1985-04-12', nationality: 'VN' },
      { externalId: 'p2', fullName: 'Trần Thị Lan', dateOfBirth: '2031-01-01' },
      { externalId: 'p3', fullName: 'Lê Thị Mai', dateOfBirth: '2011-09-30', nationality: 'XX' },
      { externalId: 'p4', fullName: 'Phạm Minh Tuấn', sex: 'MALE' },
    ],
    phones: [{ number: phone }, { number: '12345' }],
    brokers: [{ externalId: 'b1', name: 'Công ty XKLĐ Ánh Dương', kind: 'UNLICENSED' }],
    cases: [
      { externalId: 'c1', title: 'Lừa đảo xuất khẩu lao động', status: 'UNDER_INVESTIGATION', openedAt: '2024-02-30' },
    ],
    crossings: [
      {
        externalId: 'x1',
        person: { kind: 'PERSON', externalId: 'p4' },
        checkpoint: 'Móng Cái',
        direction: 'EXIT',
        at: '2024-07-30T08:15:00+07:00',
        country: 'CN',
      },
    ],
    links: [
      { type: 'USES_PHONE', from: { kind: 'PERSON', externalId: 'p1' }, to: { kind: 'PHONE', externalId: phone } },
      { type: 'RECRUITED_BY', from: { kind: 'PERSON', externalId: 'p4' }, to: { kind: 'BROKER', externalId: 'b1' } },
      { type: 'KNOWS', from: { kind: 'PERSON', externalId: 'p1' }, to: { kind: 'PERSON', externalId: 'nobody' } },
      { type: 'CALLED', from: { kind: 'PERSON', externalId: 'p1' }, to: { kind: 'PHONE', externalId: phone } },
      { type: 'OPERATES', from: { kind: 'PERSON', externalId: 'p1' }, to: { kind: 'BROKER', externalId: 'b1' } },
    ],
  };
}

describe('ingest over HTTP', () => {
  it('writes exactly the valid records and reports each invalid one', async () => {
    const source = uniqueSource();
    const result = await ingest(mixedBatch(source, uniquePhone()));
    expect(result.errors).toBeUndefined();
    const report = result.data!.ingest;
    expect(report.errors.map((e) => [e.section, e.index, e.code])).toEqual([
      ['people', 1, 'INVALID_DATE'],
      ['people', 2, 'INVALID_COUNTRY'],
      ['phones', 1, 'INVALID_PHONE'],
      ['cases', 0, 'INVALID_DATE'],
      ['links', 2, 'UNKNOWN_REFERENCE'],
      ['links', 3, 'INVALID_LINK'],
    ]);
    expect(report).toMatchObject({ accepted: 8, rejected: 6, replayed: false });
    // p1, p4, phone, broker, crossing and its checkpoint (the checkpoint has no source record).
    expect(await countsOf(source)).toMatchObject({ people: 2, phones: 1, entities: 5, links: 3 });
  });

  it('creates no duplicates when the same batch is sent again', async () => {
    const source = uniqueSource();
    const batch = mixedBatch(source, uniquePhone());
    await ingest(batch);
    const first = await countsOf(source);
    const again = await ingest(batch);
    expect(again.data!.ingest.replayed).toBe(false);
    expect(await countsOf(source)).toEqual(first);
  });

  it('answers a replayed idempotency key with the first report and writes nothing', async () => {
    const source = uniqueSource();
    const batch = { ...mixedBatch(source, uniquePhone()), idempotencyKey: 'batch-0001' };
    const first = await ingest(batch);
    const [before] = await running.db.runText<{ updated: string }>(
      'MATCH (:SourceRecord {source: $source})-[:RECORDS]->(p:Person) RETURN max(p.updatedAt) AS updated',
      { source },
    );
    const second = await ingest(batch);
    expect(second.data!.ingest).toEqual({ ...first.data!.ingest, replayed: true });
    const [after] = await running.db.runText<{ updated: string }>(
      'MATCH (:SourceRecord {source: $source})-[:RECORDS]->(p:Person) RETURN max(p.updatedAt) AS updated',
      { source },
    );
    expect(after).toEqual(before);
  });

  it('leaves one copy of everything after 20 concurrent sends of one batch', async () => {
    const source = uniqueSource();
    const batch = mixedBatch(source, uniquePhone());
    const results = await Promise.all(Array.from({ length: 20 }, () => ingest(batch)));
    expect(results.every((r) => r.data?.ingest.accepted === 8)).toBe(true);
    expect(await countsOf(source)).toMatchObject({ people: 2, phones: 1, entities: 5, links: 3 });
    const [dupes] = await running.db.runText<{ extra: number }>(
      `MATCH (:SourceRecord {source: $source})-[:RECORDS]->(a)-[r]->(b)
       WITH a, b, type(r) AS t, count(r) AS n WHERE n > 1 RETURN count(*) AS extra`,
      { source },
    );
    expect(dupes!.extra).toBe(0);
  });

  it('reads one phone however the number is written', async () => {
    const source = uniqueSource();
    const local = uniquePhone().replace('+84', '0');
    const spaced = `${local.slice(0, 4)} ${local.slice(4, 7)} ${local.slice(7)}`;
    const national = local.slice(1);
    const forms = [
      spaced,
      `+84 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
      `(+84) ${national.slice(0, 3)}.${national.slice(3, 6)}.${national.slice(6)}`,
      `+84-${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`,
    ];
    const result = await ingest({ source, phones: forms.map((number) => ({ number })) });
    expect(result.data!.ingest).toMatchObject({ accepted: 4, rejected: 0 });
    const [row] = await running.db.runText<{ phones: number }>(
      'MATCH (:SourceRecord {source: $source})-[:RECORDS]->(p:Phone) RETURN count(DISTINCT p) AS phones',
      { source },
    );
    expect(row!.phones).toBe(1);
  });

  it('keeps the same phone from two agencies as one Phone with both sources', async () => {
    const phone = uniquePhone();
    const [police, telecom] = [uniqueSource('police'), uniqueSource('telecom')];
    await ingest({ source: police, phones: [{ number: phone }] });
    await ingest({ source: telecom, phones: [{ number: phone.replace('+84', '0') }] });
    const found = await graphql<{ entity: { sources: { source: string }[] } }>(
      running.service.url,
      'query($n: String!) { entity(ref: {kind: PHONE, externalId: $n}) { sources { source } } }',
      { n: phone },
    );
    expect(found.data!.entity.sources.map((s) => s.source).sort()).toEqual([police, telecom].sort());
  });

  it('refuses a batch over the documented limit whole', async () => {
    const source = uniqueSource();
    const people = Array.from({ length: 50_001 }, (_, i) => ({ externalId: `p${i}`, fullName: 'A' }));
    const result = await ingest({ source, people });
    expect(result.errors?.[0]?.extensions?.code).toBe('BATCH_TOO_LARGE');
    expect((await countsOf(source)).entities).toBe(0);
  });

  it('links to entities of earlier batches and serves the investigator the details', async () => {
    const source = uniqueSource();
    const phone = uniquePhone();
    await ingest({
      source,
      people: [{ externalId: 'v1', fullName: 'Lò Thị Hoa', dateOfBirth: '2011-05-05' }],
      cases: [{ externalId: 'c9', title: 'Mua bán người', status: 'REPORTED', openedAt: '2024-08-01' }],
    });
    const later = await ingest({
      source,
      phones: [{ number: phone }],
      links: [
        { type: 'USES_PHONE', from: { kind: 'PERSON', externalId: 'v1' }, to: { kind: 'PHONE', externalId: phone } },
        {
          type: 'INVOLVED_IN',
          from: { kind: 'PERSON', externalId: 'v1' },
          to: { kind: 'CASE', externalId: 'c9' },
          role: 'VICTIM',
        },
        { type: 'INVOLVED_IN', from: { kind: 'PERSON', externalId: 'v1' }, to: { kind: 'CASE', externalId: 'c9' } },
      ],
    });
    expect(later.data!.ingest.errors.map((e) => e.code)).toEqual(['INVALID_LINK']);
    const person = await graphql<{
      entity: {
        id: string;
        fullName: string;
        phones: { e164: string }[];
        cases: { role: string; case: { title: string } }[];
      };
    }>(
      running.service.url,
      `
        query ($s: String!) {
          entity(ref: { kind: PERSON, externalId: "v1", source: $s }) {
            id
            ... on Person {
              fullName
              phones {
                e164
              }
              cases {
                role
                case {
                  title
                }
              }
            }
          }
        }
      `,
      { s: source },
    );
    expect(person.data!.entity).toMatchObject({
      fullName: 'Lò Thị Hoa',
      phones: [{ e164: phone }],
      cases: [{ role: 'VICTIM', case: { title: 'Mua bán người' } }],
    });
    const byId = await graphql<{ node: { label: string } }>(
      running.service.url,
      'query($id: ID!) { node(id: $id) { label } }',
      {
        id: person.data!.entity.id,
      },
    );
    expect(byId.data!.node.label).toBe('Lò Thị Hoa');
  });

  it('moves a crossing sent again with its checkpoint or traveller corrected, leaving one of each', async () => {
    const source = uniqueSource();
    const people = [
      { externalId: 'a', fullName: 'Hoàng Văn Nam', dateOfBirth: '1990-01-01' },
      { externalId: 'b', fullName: 'Vàng Thị Dua', dateOfBirth: '1992-02-02' },
    ];
    const crossing = (person: string, checkpoint: string) => ({
      source,
      people,
      crossings: [
        {
          externalId: 'x',
          person: { kind: 'PERSON', externalId: person },
          checkpoint,
          direction: 'EXIT',
          at: '2024-07-30T08:15:00+07:00',
          country: 'CN',
        },
      ],
    });
    const where = async () =>
      running.db.runText<{ traveller: string; checkpoint: string }>(
        `MATCH (:SourceRecord {source: $source, externalId: 'x'})-[:RECORDS]->(c:BorderCrossing)
         MATCH (p:Person)-[:MADE]->(c)-[:AT]->(cp:Checkpoint)
         RETURN p.fullName AS traveller, cp.name AS checkpoint`,
        { source },
      );
    expect((await ingest(crossing('a', 'Móng Cái'))).data!.ingest.rejected).toBe(0);
    expect(await where()).toEqual([{ traveller: 'Hoàng Văn Nam', checkpoint: 'Mong Cai' }]);
    // The agency corrects the checkpoint, then the traveller: each correction replaces the old one.
    await ingest(crossing('a', 'Lào Cai'));
    expect(await where()).toEqual([{ traveller: 'Hoàng Văn Nam', checkpoint: 'Lao Cai' }]);
    await ingest(crossing('b', 'Lào Cai'));
    expect(await where()).toEqual([{ traveller: 'Vàng Thị Dua', checkpoint: 'Lao Cai' }]);
  });
});
