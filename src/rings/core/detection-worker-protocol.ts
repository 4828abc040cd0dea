import type {
  DetectionOptionsInput,
  DetectionResult,
  EvidenceColumns,
  PreviousRing,
  ProgressEvent,
  ProjectionNode,
} from './types.ts';

/**
 * What the worker starts with: the projection's edges (their buffers transferred, not copied) and how many
 * nodes follow as NodesMessage slices. Cloning a city's millions of node objects in one go would hold the
 * service's event loop for seconds; slices leave it free between them.
 */
export interface DetectionWorkerInput {
  edges: EvidenceColumns;
  nodeCount: number;
  options: DetectionOptionsInput | null;
  previousRings: PreviousRing[];
}

/** A slice of the projection's nodes, sent to the worker: they are nodes[start], nodes[start + 1], ... */
export interface NodesMessage {
  type: 'nodes';
  start: number;
  nodes: ProjectionNode[];
}

export type DetectionWorkerMessage =
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'result'; result: DetectionResult }
  | { type: 'error'; name: string; message: string; issues: string[] };
