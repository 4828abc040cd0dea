import type { DetectionOptionsInput, DetectionResult, PreviousRing, ProgressEvent, RingProjection } from './types.ts';

/** What the main thread hands the detection worker (edges as columns so their buffers can be transferred). */
export interface DetectionWorkerInput {
  projection: RingProjection;
  options: DetectionOptionsInput | null;
  previousRings: PreviousRing[];
}

export type DetectionWorkerMessage =
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'result'; result: DetectionResult }
  | { type: 'error'; name: string; message: string; issues: string[] };
