import type { DatabaseOptions } from '../../db/database.ts';
import type { DetectionOptionsInput, DetectionResult, PreviousRing, ProgressEvent } from '../core/index.ts';

/** What the detection thread starts with: where to read the city, and how to detect. */
export interface DetectionThreadInput {
  connection: Omit<DatabaseOptions, 'registry'>;
  referenceDate: string;
  options: DetectionOptionsInput | null;
  previousRings: PreviousRing[];
}

export type DetectionThreadMessage =
  | { type: 'projection'; stage: string; rows: number }
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'result'; result: DetectionResult; projectionMs: number }
  | { type: 'error'; name: string; message: string; issues: string[] };
