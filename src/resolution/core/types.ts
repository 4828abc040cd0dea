/** A person entity as entity resolution compares it: one node, which may hold several agencies' records. */
export interface ResolutionPerson {
  id: string;
  fullName: string;
  dateOfBirth: string | null;
  sex: string | null;
  documentNumbers: readonly string[];
  province: string | null;
  /** E.164 numbers of the phones the entity uses. */
  phones: readonly string[];
}

/** One piece of evidence for or against a pair: a code, a sentence without personal data, and its weight. */
export interface PairFactor {
  code: string;
  description: string;
  /** Log-odds contribution: positive for the same person, negative against. */
  weight: number;
}

export interface ScoredPair {
  /** The two entity ids, in lexical order. */
  a: string;
  b: string;
  /** 0..1: how likely the two are one real person. */
  score: number;
  factors: PairFactor[];
  /** The pair meets the automatic merge rule: an equal document number of the same kind, nothing contradicting. */
  autoMergeable: boolean;
}
