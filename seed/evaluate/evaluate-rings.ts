import type { SourceRef } from '../truth-types.ts';

/** A planted ring as the truth file describes it (only what the evaluation needs). */
export interface PlantedRing {
  id: string;
  shape?: string;
  members: readonly { person: string; refs: readonly SourceRef[] }[];
  /** Records of made-up people (straw SIM subscribers): a candidate member made only of them is not counted. */
  strawSubscribers?: readonly SourceRef[];
}

/** A planted group that looks like a ring and is none (see seed/README.md). */
export interface PlantedDecoy {
  id: string;
  kind: string;
  members: readonly { person: string; refs: readonly SourceRef[] }[];
}

/**
 * One member of a candidate ring: a person entity with every (source, externalId) record it was resolved from.
 * A planted person is matched when any of their records appears here.
 */
export interface CandidateMember {
  refs: readonly SourceRef[];
}

export interface RingCandidate {
  id: string;
  score: number;
  /** People only: phones and brokers are not compared. */
  members: readonly CandidateMember[];
}

export interface EvaluateRingsOptions {
  /** Jaccard similarity at which a candidate and a planted ring count as the same ring. */
  threshold?: number;
  /** Decoy groups; a top-k candidate that matches no ring and is mostly one decoy's people counts as that decoy. */
  decoys?: readonly PlantedDecoy[];
}

/** Recall and precision at k of one ring shape (see evaluateRings). */
export interface ShapeEvaluation {
  shape: string;
  planted: number;
  found: number;
  recall: number;
  /** k = planted rings of the shape. */
  k: number;
  correctAtK: number;
  precisionAtK: number;
  /** The lowest score of a candidate that found one of the shape's rings (null when none was found). */
  lowestFoundScore: number | null;
}

export interface RingMatch {
  id: string;
  shape: string | undefined;
  size: number;
  bestCandidate: string | null;
  jaccard: number;
  found: boolean;
}

export interface CandidateMatch {
  id: string;
  score: number;
  size: number;
  bestRing: string | null;
  /** Shape of bestRing. */
  bestShape: string | null;
  jaccard: number;
  correct: boolean;
  /** The decoy most of the candidate's people belong to, when it matches no ring. */
  decoy: string | null;
}

export interface RingEvaluation {
  threshold: number;
  plantedCount: number;
  candidateCount: number;
  /** Planted rings matched by at least one candidate (any rank). */
  found: number;
  recall: number;
  /** k = number of planted rings; the top k candidates by score are judged. */
  k: number;
  correctAtK: number;
  precisionAtK: number;
  rings: RingMatch[];
  topCandidates: CandidateMatch[];
  /** Per ring shape, in the order shapes first appear among the planted rings. */
  byShape: ShapeEvaluation[];
  /** Decoy groups that a top-k candidate stands for, with the candidate. */
  decoysInTopK: { decoy: string; kind: string; candidate: string }[];
  /**
   * The highest score of a candidate that holds no planted ring's person (an ordinary community or a
   * decoy); null when there is none. Below every shape's lowestFoundScore, every ring found outranks them.
   */
  highestUnmatchedScore: number | null;
}

const refKey = (ref: SourceRef): string => `${ref.source}\u0000${ref.externalId}`;

interface Overlap {
  ringIndex: number;
  jaccard: number;
}

/**
 * Recall and precision at k of ring candidates against planted rings, comparing sets of real people with Jaccard
 * similarity. Candidate members that are no planted person still count in the candidate's size, so a candidate
 * that swallows a ring together with half the city does not match it. With no planted rings both figures are 1.
 */
export function evaluateRings(
  planted: readonly PlantedRing[],
  candidates: readonly RingCandidate[],
  options: EvaluateRingsOptions = {},
): RingEvaluation {
  const threshold = options.threshold ?? 0.5;
  const straw = new Set(planted.flatMap((ring) => (ring.strawSubscribers ?? []).map(refKey)));
  const decoys = options.decoys ?? [];
  const decoysByRef = new Map<string, number>();
  decoys.forEach((decoy, decoyIndex) => {
    for (const member of decoy.members) {
      for (const ref of member.refs) decoysByRef.set(refKey(ref), decoyIndex);
    }
  });
  const personsByRef = new Map<string, Set<string>>();
  const ringsByPerson = new Map<string, number[]>();
  const ringSizes = planted.map((ring, ringIndex) => {
    const people = new Set<string>();
    for (const member of ring.members) {
      people.add(member.person);
      for (const ref of member.refs) {
        const key = refKey(ref);
        const persons = personsByRef.get(key) ?? new Set<string>();
        persons.add(member.person);
        personsByRef.set(key, persons);
      }
    }
    for (const person of people) {
      const rings = ringsByPerson.get(person) ?? [];
      rings.push(ringIndex);
      ringsByPerson.set(person, rings);
    }
    return people.size;
  });

  const overlapsOf = (candidate: RingCandidate): { size: number; overlaps: Overlap[]; decoy: number | null } => {
    const people = new Set<string>();
    const strangers = new Set<string>();
    const decoyCounts = new Map<number, number>();
    for (const member of candidate.members) {
      if (member.refs.length > 0 && member.refs.every((ref) => straw.has(refKey(ref)))) continue;
      const decoy = member.refs.map((ref) => decoysByRef.get(refKey(ref))).find((d) => d !== undefined);
      if (decoy !== undefined) decoyCounts.set(decoy, (decoyCounts.get(decoy) ?? 0) + 1);
      let matched = false;
      for (const ref of member.refs) {
        const persons = personsByRef.get(refKey(ref));
        if (!persons) continue;
        matched = true;
        for (const person of persons) people.add(person);
      }
      if (!matched) strangers.add(member.refs.map(refKey).sort().join('\u0001'));
    }
    const size = people.size + strangers.size;
    const shared = new Map<number, number>();
    for (const person of people) {
      for (const ringIndex of ringsByPerson.get(person) ?? []) shared.set(ringIndex, (shared.get(ringIndex) ?? 0) + 1);
    }
    const overlaps = [...shared].map(([ringIndex, common]) => ({
      ringIndex,
      jaccard: common / ((ringSizes[ringIndex] ?? 0) + size - common),
    }));
    let decoy: number | null = null;
    for (const [index, count] of decoyCounts) {
      if (count * 2 >= size && (decoy === null || count > (decoyCounts.get(decoy) ?? 0))) decoy = index;
    }
    return { size, overlaps, decoy };
  };

  const bestByRing = planted.map(() => ({ candidate: null as string | null, jaccard: 0 }));
  const judged = candidates.map((candidate) => {
    const { size, overlaps, decoy } = overlapsOf(candidate);
    let best: Overlap | undefined;
    for (const overlap of overlaps) {
      if (!best || overlap.jaccard > best.jaccard) best = overlap;
      const ringBest = bestByRing[overlap.ringIndex];
      if (ringBest && overlap.jaccard > ringBest.jaccard) {
        ringBest.jaccard = overlap.jaccard;
        ringBest.candidate = candidate.id;
      }
    }
    const jaccard = best?.jaccard ?? 0;
    const bestRing = best ? (planted[best.ringIndex]?.id ?? null) : null;
    const bestShape = best ? (planted[best.ringIndex]?.shape ?? null) : null;
    const correct = jaccard >= threshold;
    const decoyId = !correct && decoy !== null ? (decoys[decoy]?.id ?? null) : null;
    return { id: candidate.id, score: candidate.score, size, bestRing, bestShape, jaccard, correct, decoy: decoyId };
  });

  const rings: RingMatch[] = planted.map((ring, index) => {
    const best = bestByRing[index] ?? { candidate: null, jaccard: 0 };
    return {
      id: ring.id,
      shape: ring.shape,
      size: ringSizes[index] ?? 0,
      bestCandidate: best.candidate,
      jaccard: best.jaccard,
      found: best.jaccard >= threshold,
    };
  });
  const k = planted.length;
  const ranked = [...judged].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const topCandidates = ranked.slice(0, k);
  const found = rings.filter((ring) => ring.found).length;
  const correctAtK = topCandidates.filter((candidate) => candidate.correct).length;
  const byShape = shapeEvaluations(rings, ranked);
  const unmatched = judged.filter((candidate) => candidate.bestRing === null).map((candidate) => candidate.score);
  const decoysInTopK: RingEvaluation['decoysInTopK'] = [];
  for (const candidate of topCandidates) {
    if (candidate.decoy === null || decoysInTopK.some((hit) => hit.decoy === candidate.decoy)) continue;
    const decoy = decoys.find((d) => d.id === candidate.decoy);
    decoysInTopK.push({ decoy: candidate.decoy, kind: decoy?.kind ?? '', candidate: candidate.id });
  }
  return {
    threshold,
    plantedCount: planted.length,
    candidateCount: candidates.length,
    found,
    recall: k === 0 ? 1 : found / k,
    k,
    correctAtK,
    precisionAtK: k === 0 ? 1 : correctAtK / k,
    rings,
    topCandidates,
    byShape,
    decoysInTopK,
    highestUnmatchedScore: unmatched.length > 0 ? Math.max(...unmatched) : null,
  };
}

/**
 * Per shape S with k_S planted rings: recall, and precision at k_S over the candidates that are S's or no
 * ring's (the best-overlapping planted ring is of shape S, or there is none), ranked by score. So a shape's
 * precision falls when fragments or doubles of its rings, or ordinary communities and decoys, outrank its
 * rings; the other shapes' candidates do not count against it.
 */
function shapeEvaluations(rings: readonly RingMatch[], ranked: readonly CandidateMatch[]): ShapeEvaluation[] {
  const shapes = [...new Set(rings.map((ring) => ring.shape ?? '?'))];
  return shapes.map((shape) => {
    const own = rings.filter((ring) => (ring.shape ?? '?') === shape);
    const k = own.length;
    const found = own.filter((ring) => ring.found).length;
    const pool = ranked.filter((candidate) => candidate.bestRing === null || (candidate.bestShape ?? '?') === shape);
    const correctAtK = pool.slice(0, k).filter((candidate) => candidate.correct).length;
    const foundScores = own
      .filter((ring) => ring.found)
      .map((ring) => ranked.find((candidate) => candidate.id === ring.bestCandidate)?.score ?? 0);
    const lowestFoundScore = foundScores.length > 0 ? Math.min(...foundScores) : null;
    return {
      shape,
      planted: k,
      found,
      recall: found / k,
      k,
      correctAtK,
      precisionAtK: correctAtK / k,
      lowestFoundScore,
    };
  });
}
