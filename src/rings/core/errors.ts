/** Base class so callers can map every ring-core error to BAD_USER_INPUT (or not) in one place. */
export class RingDetectionError extends Error {
  override name = 'RingDetectionError';
}

/** An option is out of range or of the wrong type; `issues` lists every problem, not just the first. */
export class InvalidDetectionOptionsError extends RingDetectionError {
  override name = 'InvalidDetectionOptionsError';
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
