import type { DatabaseOptions } from '../../db/database.ts';
import type { CrossingError } from './detection-thread-errors.ts';
import type { DetectRingsRequest, DetectionProgress } from './run-detection.ts';

/** What the detection thread starts with: where the city is, and how to detect. */
export interface DetectionThreadInput {
  connection: Omit<DatabaseOptions, 'registry'>;
  request: DetectRingsRequest;
}

export type DetectionThreadMessage =
  | { type: 'progress'; progress: DetectionProgress }
  | { type: 'done'; run: Record<string, unknown> }
  /** The failure as one of the project's own errors, rebuilt into its class on the other side. */
  | { type: 'error'; error: CrossingError };
