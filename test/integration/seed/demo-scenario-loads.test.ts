import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../../seed/load/load-scenario.ts';
import { createServices, type Services } from '../../../src/app/services.ts';
import type { IngestBatchInput } from '../../../src/ingest/batch-types.ts';
import { connectTestDatabase } from '../../support/database.ts';

let services: Services;

beforeAll(async () => {
  services = createServices(await connectTestDatabase());
});
afterAll(() => services?.db.close());

describe('the demo scenario', () => {
  it('loads through ingest with every record accepted', async () => {
    const summary = await loadScenario({ preset: 'demo', seed: 42 }, (batch) =>
      services.ingest.ingest(batch as IngestBatchInput),
    );
    expect(summary.firstErrors).toEqual([]);
    expect(summary.rejected).toBe(0);
    expect(summary.accepted).toBe(summary.records);
    const [people] = await services.db.runText<{ n: number }>(
      "MATCH (:SourceRecord {source: 'police'})-[:RECORDS]->(p:Person) RETURN count(DISTINCT p) AS n",
    );
    expect(people!.n).toBeGreaterThanOrEqual(1_900);
  });
});
