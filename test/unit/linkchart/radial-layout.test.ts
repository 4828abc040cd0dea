import { describe, expect, it } from 'vitest';
import { radialLayout } from '../../../src/linkchart/radial-layout.ts';

const chart = {
  nodes: ['seed', 'a', 'b', 'c', 'd', 'lonely'].map((id) => ({ id })),
  edges: [
    { source: 'seed', target: 'a', weight: 1 },
    { source: 'seed', target: 'b', weight: 1 },
    { source: 'a', target: 'c', weight: 1 },
    { source: 'b', target: 'd', weight: 1 },
  ],
};
const distance = (p: { x: number; y: number } | undefined) => Math.round(Math.hypot(p!.x, p!.y));

describe('radialLayout', () => {
  it('puts the seed in the middle and each hop on the next ring', () => {
    const positions = radialLayout(chart, ['seed']);
    expect(positions.get('seed')).toEqual({ x: 0, y: 0 });
    expect(distance(positions.get('a'))).toBe(100);
    expect(distance(positions.get('b'))).toBe(100);
    expect(distance(positions.get('c'))).toBe(200);
    expect(distance(positions.get('lonely'))).toBe(300);
  });

  it('places a node near the neighbour it was reached from', () => {
    const positions = radialLayout(chart, ['seed']);
    const angle = (id: string) => Math.atan2(positions.get(id)!.y, positions.get(id)!.x);
    const gap = (x: number, y: number) => Math.abs(Math.atan2(Math.sin(x - y), Math.cos(x - y)));
    expect(gap(angle('c'), angle('a'))).toBeLessThan(gap(angle('c'), angle('b')));
  });

  it('gives the same coordinates whatever the input order', () => {
    const shuffled = { nodes: [...chart.nodes].reverse(), edges: [...chart.edges].reverse() };
    expect([...radialLayout(shuffled, ['seed'])].sort()).toEqual([...radialLayout(chart, ['seed'])].sort());
  });
});
