import { CapabilityError, ErrorCode } from '../../shared/capability-error.ts';

/** Base class of every ring detection error; each says the code it answers with (none: masked). */
export class RingDetectionError extends CapabilityError {
  override name = 'RingDetectionError';
}

/** An option is out of range or of the wrong type; `issues` lists every problem, not just the first. */
export class InvalidDetectionOptionsError extends RingDetectionError {
  override name = 'InvalidDetectionOptionsError';
  override readonly code = ErrorCode.BAD_USER_INPUT;
  readonly issues: string[];

  constructor(issues: string[]) {
    super(`Invalid ring detection options: ${issues.join('; ')}`);
    this.issues = issues;
  }
}

/** The projection does not hold together (an edge row points outside the node table, a bad count...). */
export class InvalidProjectionError extends RingDetectionError {
  override name = 'InvalidProjectionError';
  readonly issues: string[];

  constructor(issues: string[]) {
    super(`Invalid ring projection: ${issues.join('; ')}`);
    this.issues = issues;
  }
}

/** The worker thread failed for a reason other than the errors above (crash, exit code). */
export class DetectionWorkerError extends RingDetectionError {
  override name = 'DetectionWorkerError';
}
