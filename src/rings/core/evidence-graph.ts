import type { UndirectedGraph } from 'graphology';

/** `index` is the node's position in the projection's node table; the graph key is its entityId. */
export interface EvidenceNodeAttributes {
  index: number;
}

/** Summed, hub-damped weight of every evidence row between the pair. */
export interface EvidenceEdgeAttributes {
  weight: number;
}

export type EvidenceGraph = UndirectedGraph<EvidenceNodeAttributes, EvidenceEdgeAttributes>;

/** Node ids compared by UTF-16 code units: locale-independent, so every machine sorts alike. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
