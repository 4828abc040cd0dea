import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { uniquePhone, uniqueSource } from '../../support/database.ts';
import { INGEST, graphql } from '../../support/service.ts';
import { ingestHeaders, investigatorHeaders } from './tokens.ts';

/**
 * A small network, written through the ingest mutation under a source of its own:
 *
 *   p1 ─USES_PHONE→ ph1 ─CALLED(5, 2024-03-01)→ ph2 ←USES_PHONE─ p4
 *   p1 ─KNOWS→ p2 ─RELATIVE_OF→ p3 ─RECRUITED_BY→ b1 (licensed agency, 120 recruits)
 *   p1 ─KNOWS→ p8 ─KNOWS→ p3,  p8 ─KNOWS→ p4,  p6 ─OPERATES→ b1
 *   p1 ─MADE→ x1 (2024-07-30) ─AT→ cp (a checkpoint of this network only)
 *   p1 ─INVOLVED_IN(SUSPECT)→ c1,  p7 "Nguyễn Văn Hùng Anh" unlinked
 */
export interface SmallNetwork {
  source: string;
  ids: Record<string, string>;
  phone1: string;
  document: string;
  recruits: number;
}

const RECRUITS = 120;

export async function ingestSmallNetwork(url: string, phone1 = uniquePhone()): Promise<SmallNetwork> {
  const source = uniqueSource('linkchart');
  const phone2 = uniquePhone();
  const document = `B${randomInt(1_000_000, 9_999_999)}`;
  const person = (externalId: string) => ({ kind: 'PERSON', externalId });
  const people = [
    { externalId: 'p1', fullName: 'Nguyễn Văn Hùng', documentNumbers: [document], dateOfBirth: '1980-02-03' },
    { externalId: 'p2', fullName: 'Trần Thị Lan' },
    { externalId: 'p3', fullName: 'Lê Thị Mai' },
    { externalId: 'p4', fullName: 'Phạm Minh Tuấn' },
    { externalId: 'p6', fullName: 'Đỗ Văn Long' },
    { externalId: 'p7', fullName: 'Nguyễn Văn Hùng Anh' },
    { externalId: 'p8', fullName: 'Vũ Thị Hoa' },
    ...Array.from({ length: RECRUITS - 1 }, (_, i) => ({ externalId: `r${i + 1}`, fullName: `Tuyển Dụng ${i + 1}` })),
  ];
  const links = [
    { type: 'USES_PHONE', from: person('p1'), to: { kind: 'PHONE', externalId: phone1 } },
    { type: 'USES_PHONE', from: person('p4'), to: { kind: 'PHONE', externalId: phone2 } },
    {
      type: 'CALLED',
      from: { kind: 'PHONE', externalId: phone1 },
      to: { kind: 'PHONE', externalId: phone2 },
      count: 5,
      at: '2024-03-01T10:00:00+07:00',
    },
    { type: 'KNOWS', from: person('p1'), to: person('p2') },
    { type: 'KNOWS', from: person('p1'), to: person('p8') },
    { type: 'KNOWS', from: person('p8'), to: person('p3') },
    { type: 'KNOWS', from: person('p8'), to: person('p4') },
    { type: 'RELATIVE_OF', from: person('p2'), to: person('p3') },
    { type: 'RECRUITED_BY', from: person('p3'), to: { kind: 'BROKER', externalId: 'b1' } },
    ...Array.from({ length: RECRUITS - 1 }, (_, i) => ({
      type: 'RECRUITED_BY',
      from: person(`r${i + 1}`),
      to: { kind: 'BROKER', externalId: 'b1' },
    })),
    { type: 'OPERATES', from: person('p6'), to: { kind: 'BROKER', externalId: 'b1' } },
    { type: 'INVOLVED_IN', from: person('p1'), to: { kind: 'CASE', externalId: 'c1' }, role: 'SUSPECT' },
  ];
  const batch = {
    source,
    people,
    phones: [{ number: phone1 }, { number: phone2 }],
    brokers: [{ externalId: 'b1', name: 'Công ty Cung ứng Nhân lực Sao Mai', kind: 'LICENSED_AGENCY' }],
    cases: [
      { externalId: 'c1', title: 'Mua bán người qua biên giới', status: 'UNDER_INVESTIGATION', openedAt: '2024-05-01' },
    ],
    crossings: [
      {
        externalId: 'x1',
        person: person('p1'),
        checkpoint: `Cửa khẩu ${source}`,
        direction: 'EXIT',
        at: '2024-07-30T08:15:00+07:00',
        country: 'CN',
      },
    ],
    links,
  };
  const result = await graphql<{ ingest: { rejected: number; errors: unknown[] } }>(
    url,
    INGEST,
    { batch },
    await ingestHeaders(source),
  );
  const reader = await investigatorHeaders();
  expect(result.errors).toBeUndefined();
  expect(result.data!.ingest.errors).toEqual([]);

  const refs: Record<string, { kind: string; externalId: string }> = {
    p1: person('p1'),
    p2: person('p2'),
    p3: person('p3'),
    p4: person('p4'),
    p6: person('p6'),
    p7: person('p7'),
    p8: person('p8'),
    r1: person('r1'),
    ph1: { kind: 'PHONE', externalId: phone1 },
    ph2: { kind: 'PHONE', externalId: phone2 },
    b1: { kind: 'BROKER', externalId: 'b1' },
    c1: { kind: 'CASE', externalId: 'c1' },
    x1: { kind: 'BORDER_CROSSING', externalId: 'x1' },
  };
  const ids: Record<string, string> = {};
  for (const [name, ref] of Object.entries(refs)) {
    const found = await graphql<{ entity: { id: string } | null }>(
      url,
      'query($ref: EntityRefInput!) { entity(ref: $ref) { id } }',
      { ref: { ...ref, source } },
      reader,
    );
    expect(found.data?.entity, name).toBeTruthy();
    ids[name] = found.data!.entity!.id;
  }
  const checkpoint = await graphql<{ node: { checkpoint: { id: string } } }>(
    url,
    'query($id: ID!) { node(id: $id) { ... on BorderCrossing { checkpoint { id } } } }',
    { id: ids['x1'] },
    reader,
  );
  ids['cp'] = checkpoint.data!.node.checkpoint.id;
  return { source, ids, phone1, document, recruits: RECRUITS };
}

export const CHART = /* GraphQL */ `
  query Chart($seeds: [ID!]!, $depth: Int, $maxNodes: Int, $linkTypes: [LinkType!], $from: DateTime, $to: DateTime) {
    linkChart(seeds: $seeds, depth: $depth, maxNodes: $maxNodes, linkTypes: $linkTypes, from: $from, to: $to) {
      nodes {
        id
        kind
        label
        ringId
        x
        y
        collapsedCount
      }
      edges {
        id
        source
        target
        type
        weight
      }
      truncated
    }
  }
`;

export interface ChartResult {
  linkChart: {
    nodes: {
      id: string;
      kind: string;
      label: string;
      ringId: string | null;
      x: number | null;
      y: number | null;
      collapsedCount: number | null;
    }[];
    edges: { id: string; source: string; target: string; type: string; weight: number | null }[];
    truncated: boolean;
  };
}

/** Names of the network's entities for a set of ids, sorted; unknown ids kept as they are. */
export function namesOf(network: SmallNetwork, ids: Iterable<string>): string[] {
  const byId = new Map(Object.entries(network.ids).map(([name, id]) => [id, name]));
  return [...ids].map((id) => byId.get(id) ?? id).sort();
}
