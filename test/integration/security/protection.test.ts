import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import { asRole, graphql, startTestService } from '../../support/service.ts';
import { ingestProtectedScenario, type ProtectedScenario } from './protected-scenario.ts';
import { readsOf } from './reads.ts';

let service: RunningService;
let scenario: ProtectedScenario;

beforeAll(async () => {
  service = await startTestService();
  scenario = await ingestProtectedScenario(service.url);
});
afterAll(async () => {
  await service?.close();
});

async function readAll(headers: Record<string, string>) {
  const texts: { name: string; text: string; errors: unknown }[] = [];
  for (const read of readsOf(scenario)) {
    const result = await graphql(service.url, read.query, read.variables, headers);
    texts.push({ name: read.name, text: JSON.stringify(result), errors: result.errors });
  }
  return texts;
}

describe('minors and victims, for viewers without clearance', () => {
  it.each([
    ['an analyst', ['analyst'] as const],
    ['an investigator', ['investigator'] as const],
  ])('%s never receives a protected name, document, birth date or number through any read', async (_, roles) => {
    const responses = await readAll(await asRole([...roles], { sub: `uncleared-${roles[0]}` }));
    for (const { name, text, errors } of responses) {
      expect(errors, name).toBeUndefined();
      for (const secret of scenario.secrets) expect(text.includes(secret), `${name} shows ${secret}`).toBe(false);
    }
    // The links stay: the chart still has every entity, under pseudonyms.
    const chart = responses.find((r) => r.name === 'linkChart')!.text;
    expect(chart).toContain(scenario.ids['minor']);
    expect(chart).toMatch(/Protected person [0-9A-F]{6}/);
    expect(chart).toMatch(/Protected phone [0-9A-F]{6}/);
    expect(chart).toContain(scenario.visibleNames[0]);
  });

  it('keeps one pseudonym per person across reads', async () => {
    const headers = await asRole(['analyst']);
    const query = `query N($id: ID!) { node(id: $id) { label ... on Person { fullName } } }`;
    const a = await graphql<{ node: { label: string; fullName: string } }>(
      service.url,
      query,
      { id: scenario.ids['victim'] },
      headers,
    );
    const b = await graphql<{ node: { label: string } }>(service.url, query, { id: scenario.ids['victim'] }, headers);
    expect(a.data!.node.label).toMatch(/^Protected person [0-9A-F]{6}$/);
    expect(a.data!.node.fullName).toBe(a.data!.node.label);
    expect(b.data!.node.label).toBe(a.data!.node.label);
  });

  it('needs both clearances for a girl who is under 16 and a victim', async () => {
    const query = `query N($id: ID!) { node(id: $id) { label } }`;
    const label = async (clearance: ('minors' | 'victims')[]) =>
      (
        await graphql<{ node: { label: string } }>(
          service.url,
          query,
          { id: scenario.ids['both'] },
          await asRole(['analyst'], { clearance }),
        )
      ).data!.node.label;
    expect(await label(['minors'])).toMatch(/^Protected person/);
    expect(await label(['victims'])).toMatch(/^Protected person/);
    expect(await label(['minors', 'victims'])).toBe(scenario.names.both);
    // Minors clearance alone opens the 10-year-old who is no victim.
    const minor = await graphql<{ node: { label: string } }>(
      service.url,
      query,
      { id: scenario.ids['minor'] },
      await asRole(['investigator'], { clearance: ['minors'] }),
    );
    expect(minor.data!.node.label).toBe(scenario.names.minor);
  });

  it('shows everything to a viewer with both clearances', async () => {
    const responses = await readAll(await asRole(['investigator'], { clearance: ['minors', 'victims'] }));
    const all = responses.map((r) => r.text).join('\n');
    for (const name of Object.values(scenario.names)) expect(all).toContain(name);
  });
});
