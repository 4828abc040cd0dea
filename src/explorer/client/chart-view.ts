import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { LinkChart } from './api.ts';

/** Colours for rings, picked by the ring id so a ring keeps its colour between charts. */
const RING_COLOURS = ['#d7263d', '#1b998b', '#f46036', '#2e294e', '#c5a100', '#8338ec', '#0077b6', '#e36397'];
const NOT_IN_RING = '#8a93a3';
const COLLAPSED = '#c9ced6';

export function ringColour(ringId: string | null): string {
  if (!ringId) return NOT_IN_RING;
  let hash = 0;
  for (const c of ringId) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return RING_COLOURS[hash % RING_COLOURS.length]!;
}

const SIZE_BY_KIND: Record<string, number> = {
  PERSON: 7,
  PHONE: 5,
  BROKER: 9,
  CASE: 8,
  BORDER_CROSSING: 4,
  CHECKPOINT: 8,
};

export interface ChartViewEvents {
  select(id: string): void;
  expand(id: string): void;
}

/** The chart drawn with sigma.js (WebGL); when the browser has no WebGL the side list still works. */
export class ChartView {
  private sigma: Sigma | null = null;
  readonly graph = new MultiDirectedGraph();

  constructor(
    private readonly container: HTMLElement,
    private readonly events: ChartViewEvents,
  ) {}

  show(chart: LinkChart): string | null {
    this.graph.clear();
    for (const node of chart.nodes) {
      const collapsed = node.collapsedCount !== null;
      this.graph.addNode(node.id, {
        x: node.x ?? 0,
        y: node.y ?? 0,
        label: node.label,
        size: collapsed ? 10 : (SIZE_BY_KIND[node.kind] ?? 6),
        color: collapsed ? COLLAPSED : ringColour(node.ringId),
      });
    }
    for (const edge of chart.edges) {
      if (!this.graph.hasNode(edge.source) || !this.graph.hasNode(edge.target)) continue;
      this.graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
        label: edge.type,
        size: Math.min(6, 1 + Math.log2(edge.weight ?? 1)),
        color: '#b3bac6',
      });
    }
    try {
      if (!this.sigma) {
        this.sigma = new Sigma(this.graph, this.container, {
          renderEdgeLabels: false,
          labelRenderedSizeThreshold: 4,
          // Room for the labels of nodes at the edge of the picture.
          stagePadding: 70,
        });
        this.sigma.on('clickNode', ({ node }) => this.events.select(node));
        this.sigma.on('doubleClickNode', ({ node, event }) => {
          event.preventSigmaDefault();
          this.events.expand(node);
        });
      } else {
        this.sigma.refresh();
      }
      return null;
    } catch (error) {
      return `The chart cannot be drawn in this browser (${(error as Error).message}); the list of entities still works.`;
    }
  }

  highlight(id: string | null): void {
    if (!this.sigma) return;
    this.sigma.setSetting('nodeReducer', (node, data) =>
      id && node === id ? { ...data, highlighted: true, zIndex: 1 } : data,
    );
  }
}
