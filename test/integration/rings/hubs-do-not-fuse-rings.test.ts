import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../src/app/services.ts';
import type { IngestBatchInput, LinkInput } from '../../../src/ingest/batch-types.ts';
import { connectTestDatabase, uniquePhone, uniqueSource } from '../../support/database.ts';

let services: Services;
const source = uniqueSource('hubs');
const CLIQUES = 3;
const CLIQUE_SIZE = 5;
const person = (externalId: string) => ({ kind: 'PERSON' as const, externalId });

async function send(batch: Omit<IngestBatchInput, 'source'>) {
  const report = await services.ingest.ingest({ source, ...batch });
  expect(report.errors).toEqual([]);
}

/**
 * A licensed agency with 2,000 legitimate recruits and a checkpoint with 50,000 ordinary
 * crossings, each touching three small groups that share burner phones: the hubs must not
 * merge the groups, nor pull thousands of strangers into a ring.
 */
beforeAll(async () => {
  services = createServices(await connectTestDatabase());
  await send({
    brokers: [{ externalId: 'agency', name: 'Licensed Agency', kind: 'LICENSED_AGENCY', licenseStatus: 'ACTIVE' }],
  });
  for (let start = 0; start < 2_000; start += 1_000) {
    const ids = Array.from({ length: 1_000 }, (_, i) => `recruit-${start + i}`);
    await send({
      people: ids.map((externalId) => ({ externalId, fullName: `Recruit ${externalId}` })),
      links: ids.map((externalId) => ({
        type: 'RECRUITED_BY',
        from: person(externalId),
        to: { kind: 'BROKER', externalId: 'agency' },
      })),
    });
  }
  // 5,000 traders crossing ten times each at one checkpoint: 50,000 crossings, spread out.
  const day = Date.parse('2025-01-01T00:00:00+07:00');
  for (let start = 0; start < 5_000; start += 1_000) {
    const traders = Array.from({ length: 1_000 }, (_, i) => start + i);
    await send({
      people: traders.map((t) => ({ externalId: `trader-${t}`, fullName: `Trader ${t}` })),
      crossings: traders.flatMap((t) =>
        Array.from({ length: 10 }, (_, k) => ({
          externalId: `x-${t}-${k}`,
          person: person(`trader-${t}`),
          checkpoint: 'Hub Gate',
          direction: k % 2 === 0 ? 'EXIT' : 'ENTRY',
          at: new Date(day + (t * 10 + k) * 8 * 60_000).toISOString(),
          country: 'CN',
        })),
      ),
    });
  }
  for (let c = 0; c < CLIQUES; c += 1) {
    const members = Array.from({ length: CLIQUE_SIZE }, (_, m) => `clique-${c}-${m}`);
    const burners = [uniquePhone(), uniquePhone()];
    const links: LinkInput[] = [
      { type: 'RECRUITED_BY', from: person(members[0]!), to: { kind: 'BROKER', externalId: 'agency' } },
      {
        type: 'CALLED',
        from: { kind: 'PHONE', externalId: burners[0]! },
        to: { kind: 'PHONE', externalId: burners[1]! },
        count: 80,
      },
    ];
    members.forEach((m, i) => {
      links.push({ type: 'USES_PHONE', from: person(m), to: { kind: 'PHONE', externalId: burners[i % 2]! } });
      for (const other of members.slice(i + 1)) links.push({ type: 'KNOWS', from: person(m), to: person(other) });
    });
    await send({
      people: members.map((externalId) => ({ externalId, fullName: `Member ${externalId}` })),
      phones: burners.map((number) => ({ number })),
      crossings: members.map((m, i) => ({
        externalId: `cx-${m}`,
        person: person(m),
        checkpoint: 'Hub Gate',
        direction: 'EXIT',
        at: new Date(day + (c * 1000 + i) * 60_000).toISOString(),
        country: 'CN',
      })),
      links,
    });
  }
}, 300_000);
afterAll(() => services?.db.close());

describe('hubs', () => {
  it('do not merge unrelated groups or pull strangers into a ring', async () => {
    await services.rings.detect({ seed: 3 });
    const rows = await services.db.runText<{ ring: string; members: string[] }>(
      `MATCH (r:Ring {current: true})<-[:MEMBER_OF]-(p:Person)<-[:RECORDS]-(s:SourceRecord {source: $source})
       RETURN r.id AS ring, collect(s.externalId) AS members`,
      { source },
    );
    const cliqueOf = (id: string) => /^clique-(\d+)-/.exec(id)?.[1];
    for (const row of rows) {
      const cliques = new Set(row.members.map(cliqueOf).filter((c) => c !== undefined));
      expect(cliques.size, `ring ${row.ring} mixes groups ${[...cliques].join(', ')}`).toBeLessThanOrEqual(1);
      const strangers = row.members.filter((m) => cliqueOf(m) === undefined);
      if (cliques.size)
        expect(strangers.length, `ring ${row.ring} pulls in ${strangers.length} strangers`).toBeLessThan(5);
    }
    for (let c = 0; c < CLIQUES; c += 1) {
      const ring = rows.find((row) => row.members.filter((m) => cliqueOf(m) === String(c)).length === CLIQUE_SIZE);
      expect(ring, `group ${c} is found whole`).toBeDefined();
    }
  });
});
