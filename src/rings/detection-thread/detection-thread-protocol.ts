import type { DatabaseOptions } from '../../db/database.ts';
import type { DetectRingsRequest, DetectionProgress } from './run-detection.ts';

/** What the detection thread starts with: where the city is, and how to detect. */
export interface DetectionThreadInput {
  connection: Omit<DatabaseOptions, 'registry'>;
  request: DetectRingsRequest;
}

export type DetectionThreadMessage =
  | { type: 'progress'; progress: DetectionProgress }
  | { type: 'done'; run: Record<string, unknown> }
  | { type: 'error'; name: string; message: string; issues: string[] };
