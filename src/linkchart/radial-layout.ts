import type { LayoutInput } from './layout-chart.ts';

/** Distance between the rings of successive hops. */
const RING_SPACING = 100;

/**
 * Deterministic coordinates in linear time: the seeds in the middle, each further hop on a
 * ring around them, every node placed near the neighbours it was reached from (ordered by
 * their mean angle, then by id). The default for charts served at a few hundred a second,
 * where ForceAtlas2's n² steps per iteration would cost more than the queries; the explorer
 * or a client can refine it.
 */
export function radialLayout(chart: LayoutInput, seeds: readonly string[]): Map<string, { x: number; y: number }> {
  const neighbours = new Map<string, string[]>();
  for (const node of chart.nodes) neighbours.set(node.id, []);
  for (const { source, target } of chart.edges) {
    if (source === target || !neighbours.has(source) || !neighbours.has(target)) continue;
    neighbours.get(source)!.push(target);
    neighbours.get(target)!.push(source);
  }

  const angle = new Map<string, number>();
  const positions = new Map<string, { x: number; y: number }>();
  const place = (level: string[], radius: number) => {
    level.forEach((id, i) => {
      const a = (2 * Math.PI * i) / level.length;
      angle.set(id, a);
      positions.set(id, { x: round(radius * Math.cos(a)), y: round(radius * Math.sin(a)) });
    });
  };

  let level = [...new Set(seeds.filter((id) => neighbours.has(id)))].sort();
  place(level, level.length > 1 ? RING_SPACING / 2 : 0);
  for (let hop = 1; level.length && positions.size < neighbours.size; hop += 1) {
    const next = new Map<string, number>();
    for (const id of level) {
      for (const other of neighbours.get(id)!) {
        if (positions.has(other) || next.has(other)) continue;
        const placed = neighbours.get(other)!.filter((n) => angle.has(n));
        next.set(other, placed.reduce((sum, n) => sum + angle.get(n)!, 0) / placed.length);
      }
    }
    level = [...next].sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id);
    place(level, hop * RING_SPACING);
    if (!level.length) break;
  }
  // Nodes the seeds do not reach (a collapsed group's hub is always reached): an outer ring.
  const rest = [...neighbours.keys()].filter((id) => !positions.has(id)).sort();
  if (rest.length) place(rest, (Math.max(0, ...[...positions.values()].map(ringOf)) + 1) * RING_SPACING);
  return positions;
}

/** Which ring a placed node is on. */
function ringOf(p: { x: number; y: number }): number {
  return Math.round(Math.hypot(p.x, p.y) / RING_SPACING);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
