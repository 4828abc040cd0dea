import { createNodeImageProgram } from '@sigma/node-image';
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { createNodeCompoundProgram, NodeCircleProgram } from 'sigma/rendering';
import type { LinkChart } from './api.ts';
import { pictogram } from './entity-kinds.ts';

/** Colours for rings, picked by the ring id so a ring keeps its colour between charts. */
const RING_COLOURS = ['#d7263d', '#1b998b', '#f46036', '#2e294e', '#c5a100', '#8338ec', '#0077b6', '#e36397'];
const NOT_IN_RING = '#6b7383';
const COLLAPSED = '#aab1bd';

export function ringColour(ringId: string | null): string {
  if (!ringId) return NOT_IN_RING;
  let hash = 0;
  for (const c of ringId) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return RING_COLOURS[hash % RING_COLOURS.length]!;
}

const SIZE_BY_KIND: Record<string, number> = {
  PERSON: 9,
  PHONE: 7,
  BROKER: 10,
  CASE: 9,
  BORDER_CROSSING: 6,
  CHECKPOINT: 10,
};

const MAX_LABEL = 24;

function shorten(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

export interface ChartViewEvents {
  select(id: string): void;
  expand(id: string): void;
}

/** A coloured disc with the kind's white pictogram on it. */
const NodeWithPictogram = createNodeCompoundProgram([
  NodeCircleProgram,
  createNodeImageProgram({
    padding: 0.25,
    size: { mode: 'force', value: 64 },
    drawingMode: 'color',
    colorAttribute: 'pictoColor',
  }),
]);

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
        // Long labels (a case's title) are cut in the picture, whole in the lists beside it.
        label: shorten(collapsed ? `${node.label} (+${node.collapsedCount})` : node.label),
        size: collapsed ? 10 : (SIZE_BY_KIND[node.kind] ?? 7),
        color: collapsed ? COLLAPSED : ringColour(node.ringId),
        type: 'pictogram',
        image: pictogram(node.kind),
        pictoColor: '#ffffff',
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
          nodeProgramClasses: { pictogram: NodeWithPictogram },
          defaultNodeType: 'pictogram',
          // One label per 160-pixel cell at most, and only on nodes drawn large enough to
          // carry one: at the default zoom labels do not run into each other; zooming in
          // shows the rest.
          labelGridCellSize: 160,
          labelDensity: 0.5,
          labelRenderedSizeThreshold: 7,
          labelSize: 12,
          labelFont: 'system-ui, sans-serif',
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

  /** Where each node is drawn now (graph coordinates), for a chart that is saved as it is. */
  positions(): Record<string, { x: number; y: number }> {
    const out: Record<string, { x: number; y: number }> = {};
    this.graph.forEachNode((id, attributes) => {
      out[id] = { x: attributes['x'] as number, y: attributes['y'] as number };
    });
    return out;
  }
}
