import { ErrorCode } from '../../shared/capability-error.ts';
import { RingDetectionError } from '../core/errors.ts';

/** A triage request that cannot be carried out as asked; nothing was written. */
export class InvalidTriageError extends RingDetectionError {
  override name = 'InvalidTriageError';
  override readonly code = ErrorCode.BAD_USER_INPUT;
}
