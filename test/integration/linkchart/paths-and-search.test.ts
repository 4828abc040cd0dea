import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../../src/app/start-service.ts';
import { startTestService } from '../../support/service.ts';
import { TEST_JWT_SECRET, graphqlAsInvestigator as graphql } from './tokens.ts';
import { ingestSmallNetwork, namesOf, type SmallNetwork } from './small-network.ts';

let service: RunningService;

let net: SmallNetwork;

// The one test network that owns this number, so the phone search finds exactly it.
const PHONE = '+84912345678';

beforeAll(async () => {
  service = await startTestService({ AUTH_JWT_SECRET: TEST_JWT_SECRET });
  net = await ingestSmallNetwork(service.url, PHONE);
});
afterAll(async () => {
  await service?.close();
});

const id = (name: string) => net.ids[name]!;

const PATHS = /* GraphQL */ `
  query Paths($from: ID!, $to: ID!, $maxLength: Int, $first: Int) {
    paths(from: $from, to: $to, maxLength: $maxLength, first: $first) {
      length
      nodes {
        id
        kind
        label
      }
      edges {
        id
        source
        target
        type
      }
    }
  }
`;

interface PathsResult {
  paths: { length: number; nodes: { id: string }[]; edges: { source: string; target: string; type: string }[] }[];
}

async function paths(variables: Record<string, unknown>) {
  const result = await graphql<PathsResult>(service.url, PATHS, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.paths;
}

describe('paths', () => {
  it('finds the shortest paths first, then longer ones, each distinct', async () => {
    const found = await paths({ from: id('p1'), to: id('p3'), first: 3 });
    expect(found.map((p) => p.length)).toEqual([2, 2, 5]);
    const names = found.map((p) =>
      namesOf(
        net,
        p.nodes.map((n) => n.id),
      ).join(' '),
    );
    expect([...names.slice(0, 2)].sort()).toEqual(['p1 p2 p3', 'p1 p3 p8']);
    expect(names[2]).toBe('p1 p3 p4 p8 ph1 ph2');
    for (const path of found) {
      expect(path.nodes[0]!.id).toBe(id('p1'));
      expect(path.nodes.at(-1)!.id).toBe(id('p3'));
      expect(path.edges).toHaveLength(path.length);
      expect(path.nodes).toHaveLength(path.length + 1);
      // Each edge joins consecutive nodes of the path, whichever way it points.
      path.edges.forEach((edge, i) => {
        const ends = [path.nodes[i]!.id, path.nodes[i + 1]!.id].sort();
        expect([edge.source, edge.target].sort()).toEqual(ends);
      });
    }
    expect(new Set(found.map((p) => p.nodes.map((n) => n.id).join('>'))).size).toBe(3);
  });

  it('respects first and maxLength', async () => {
    expect((await paths({ from: id('p1'), to: id('p3'), first: 1 })).map((p) => p.length)).toEqual([2]);
    expect((await paths({ from: id('p1'), to: id('p3'), maxLength: 4 })).map((p) => p.length)).toEqual([2, 2]);
    expect((await paths({ from: id('p1'), to: id('p4') })).map((p) => p.length)).toEqual([2, 3, 4]);
    expect(await paths({ from: id('p1'), to: id('p7') })).toEqual([]);
    expect(await paths({ from: id('p1'), to: id('b1'), maxLength: 2 })).toEqual([]);
  });

  it('refuses bad arguments and unknown entities', async () => {
    for (const variables of [
      { from: id('p1'), to: id('p3'), maxLength: 0 },
      { from: id('p1'), to: id('p3'), maxLength: 11 },
      { from: id('p1'), to: id('p3'), first: 21 },
      { from: id('p1'), to: id('p1') },
    ]) {
      const result = await graphql(service.url, PATHS, variables);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
    const unknown = await graphql(service.url, PATHS, { from: id('p1'), to: 'per_nobody' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

const SEARCH = /* GraphQL */ `
  query Search($text: String!, $kinds: [EntityKind!], $first: Int) {
    search(text: $text, kinds: $kinds, first: $first) {
      score
      matchedOn
      entity {
        id
        kind
        label
      }
    }
  }
`;

interface SearchResult {
  search: { score: number; matchedOn: string; entity: { id: string; kind: string; label: string } }[];
}

async function search(variables: Record<string, unknown>) {
  const result = await graphql<SearchResult>(service.url, SEARCH, { first: 100, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data!.search;
}

describe('search', () => {
  it('finds a name without diacritics or case, exact matches before longer names', async () => {
    const hits = await search({ text: 'nguyen van hung' });
    const exact = hits.findIndex((h) => h.entity.id === id('p1'));
    const longer = hits.findIndex((h) => h.entity.id === id('p7'));
    expect(exact).toBeGreaterThanOrEqual(0);
    expect(hits[exact]).toMatchObject({ score: 1, matchedOn: 'name', entity: { label: 'Nguyễn Văn Hùng' } });
    expect(longer).toBeGreaterThan(exact);
    expect(hits[longer]!.score).toBeLessThan(1);
    // Ranked best first.
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));

    const shouted = await search({ text: 'NGUYỄN  VĂN   HÙNG' });
    expect(shouted.find((h) => h.entity.id === id('p1'))?.score).toBe(1);
  });

  it('finds a name in another word order', async () => {
    const hits = await search({ text: 'hung nguyen van' });
    const hit = hits.find((h) => h.entity.id === id('p1'));
    expect(hit).toMatchObject({ matchedOn: 'name' });
    expect(hit!.score).toBeGreaterThan(hits.find((h) => h.entity.id === id('p7'))!.score);
  });

  it('finds prefixes and parts of names, and brokers', async () => {
    expect((await search({ text: 'vu thi h' })).some((h) => h.entity.id === id('p8'))).toBe(true);
    expect((await search({ text: 'sao mai', kinds: ['BROKER'] })).map((h) => h.entity.id)).toContain(id('b1'));
    const people = await search({ text: 'sao mai', kinds: ['PERSON'] });
    expect(people.every((h) => h.entity.kind === 'PERSON')).toBe(true);
  });

  it('finds a phone by its number written in any form', async () => {
    for (const text of ['0912 345 678', '+84 912.345.678', '(+84) 912-345-678']) {
      const hits = await search({ text });
      expect(hits[0], text).toMatchObject({ score: 1, matchedOn: 'phone', entity: { id: id('ph1'), kind: 'PHONE' } });
    }
  });

  it('finds a person by document number', async () => {
    const spaced = `${net.document.slice(0, 4).toLowerCase()} ${net.document.slice(4)}`;
    for (const text of [net.document, spaced]) {
      const hits = await search({ text });
      expect(hits[0], text).toMatchObject({ score: 1, matchedOn: 'documentNumber', entity: { id: id('p1') } });
    }
  });

  it('limits results and refuses an empty query', async () => {
    expect(await search({ text: 'tuyen dung', first: 5 })).toHaveLength(5);
    const empty = await graphql(service.url, SEARCH, { text: '   ' });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
