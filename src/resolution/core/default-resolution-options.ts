import { ErrorCode } from '../../shared/capability-error.ts';
import { ResolutionError } from '../errors.ts';

/**
 * The knobs of entity resolution, resolved against these defaults. Weights are log-odds: a pair's
 * score is the logistic function of the prior plus the weights of its evidence. They were tuned on
 * the seeded scenarios (npm run resolution:evaluate; BENCHMARKS.md, "Entity resolution").
 */
export interface ResolutionOptions {
  /** Blocks (people sharing a key) larger than this are skipped: a common name or an office phone, not one person. */
  maxBlockSize: number;
  /** Pairs scoring below this are not candidates. */
  minScore: number;
  weights: ResolutionWeights;
}

export interface ResolutionWeights {
  prior: number;
  /** Name similarity (0..1) to weight, as points of a piecewise linear curve, similarity descending. */
  nameCurve: readonly (readonly [number, number])[];
  birthDateEqual: number;
  birthDateClose: number;
  birthDateDifferent: number;
  documentEqual: number;
  lifelongDocumentDifferent: number;
  documentDifferent: number;
  phoneShared: number;
  provinceEqual: number;
  provinceDifferent: number;
  sexDifferent: number;
}

export const defaultResolutionOptions: ResolutionOptions = {
  maxBlockSize: 50,
  minScore: 0.7,
  weights: {
    prior: -4,
    nameCurve: [
      [1, 3.5],
      [0.97, 3],
      [0.9, 2],
      [0.8, 0.5],
      [0.6, -3],
      [0.4, -6],
      [0, -8],
    ],
    birthDateEqual: 5,
    birthDateClose: -1.5,
    birthDateDifferent: -8,
    documentEqual: 9,
    lifelongDocumentDifferent: -8,
    documentDifferent: -2,
    phoneShared: 2,
    provinceEqual: 0.5,
    provinceDifferent: -1,
    sexDifferent: -6,
  },
};

export type ResolutionOptionsInput = Partial<Omit<ResolutionOptions, 'weights'>> & {
  weights?: Partial<ResolutionWeights>;
};

export class InvalidResolutionOptionsError extends ResolutionError {
  override name = 'InvalidResolutionOptionsError';
  override readonly code = ErrorCode.BAD_USER_INPUT;
}

export function resolveResolutionOptions(input: ResolutionOptionsInput = {}): ResolutionOptions {
  const options: ResolutionOptions = {
    maxBlockSize: input.maxBlockSize ?? defaultResolutionOptions.maxBlockSize,
    minScore: input.minScore ?? defaultResolutionOptions.minScore,
    weights: { ...defaultResolutionOptions.weights, ...input.weights },
  };
  if (!Number.isInteger(options.maxBlockSize) || options.maxBlockSize < 2) {
    throw new InvalidResolutionOptionsError('maxBlockSize must be an integer of at least 2');
  }
  if (!(options.minScore >= 0 && options.minScore <= 1)) {
    throw new InvalidResolutionOptionsError('minScore must be between 0 and 1');
  }
  return options;
}
