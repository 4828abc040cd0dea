import { describe, expect, it } from 'vitest';
import { inProcessYoga } from './in-process-yoga.ts';

const ids = Array.from({ length: 100 }, (_, i) => `ring_${i}`);
const members = (id: string) => [{ entityId: `per_${id}`, role: 'VICTIM' }];

describe('a page of rings', () => {
  it('reads its rings once for members and link charts together', async () => {
    // Each call of the stubs below is one statement against Neo4j in the real service.
    const reads: string[] = [];
    const { request } = inProcessYoga({
      services: {
        rings: {
          candidates: async () => ({ rings: ids.map((id) => ({ id })), total: ids.length }),
          ring: async (id: string) => {
            reads.push(`ring ${id}`);
            return { ring: { id }, members: members(id) };
          },
          rings: async (wanted: readonly string[]) => {
            reads.push(`rings ${wanted.length}`);
            return new Map(wanted.map((id) => [id, { ring: { id }, members: members(id) }]));
          },
        },
        entities: {
          byIds: async (wanted: readonly string[]) => new Map(wanted.map((id) => [id, { id, kind: 'PERSON' }])),
        },
        linkCharts: { chart: async () => ({ nodes: [], edges: [], truncated: false }) },
      },
    });
    const { body } = await request({
      query: '{ ringCandidates(first: 100) { edges { node { id members { role } linkChart { __typename } } } } }',
    });
    expect(body.errors).toBeUndefined();
    const edges = (body.data?.['ringCandidates'] as { edges: { node: { members: { role: string }[] } }[] }).edges;
    expect(edges).toHaveLength(100);
    expect(edges.every((edge) => edge.node.members[0]?.role === 'VICTIM')).toBe(true);
    expect(reads).toEqual(['rings 100']);
  });
});
