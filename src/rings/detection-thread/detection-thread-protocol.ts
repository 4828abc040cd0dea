import type { DatabaseOptions } from '../../db/database.ts';
import type { KeeperOptions } from '../projection/evidence-graph-keeper.ts';
import type { CrossingError } from './detection-thread-errors.ts';
import type { DetectRingsRequest, DetectionProgress } from './run-detection.ts';

/** What the detection thread starts with: where the city is, and when to read it in full. */
export interface DetectionThreadInput {
  connection: Omit<DatabaseOptions, 'registry'>;
  keeper: KeeperOptions;
}

/** What the service asks of the thread: one run at a time. */
export interface DetectionThreadCommand {
  type: 'detect';
  request: DetectRingsRequest;
}

export type DetectionThreadMessage =
  | { type: 'progress'; progress: DetectionProgress }
  | { type: 'done'; run: Record<string, unknown> }
  /** The failure as one of the project's own errors, rebuilt into its class on the other side. */
  | { type: 'error'; error: CrossingError };
