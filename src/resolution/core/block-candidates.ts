import type { PreparedPerson } from './score-pair.ts';

/** What a block is keyed on; each kind is its own pass, so only one kind's keys are held at a time. */
export type BlockingKey = 'name' | 'document' | 'phone' | 'birth-and-names';

export const BLOCKING_KEYS: readonly BlockingKey[] = ['name', 'document', 'phone', 'birth-and-names'];

/**
 * The keys one person falls under, per kind:
 * - name: the name's folded words, sorted ("hung nguyen van" for any spelling and order);
 * - document: each document number with its kind;
 * - phone: each phone number used;
 * - birth-and-names: the birth date with each pair of name words, so a slip in one word, a
 *   left-out middle name or another word order still meets the other record in some block.
 */
export function blockingKeys(p: PreparedPerson, kind: BlockingKey): string[] {
  switch (kind) {
    case 'name':
      return p.tokens.length ? [[...p.tokens].sort().join(' ')] : [];
    case 'document':
      return p.documents.map((d) => d.key);
    case 'phone':
      return [...p.person.phones];
    case 'birth-and-names': {
      const born = p.person.dateOfBirth;
      if (!born) return [];
      const words = [...new Set(p.tokens)];
      if (words.length === 1) return [`${born}|${words[0]}`];
      const keys: string[] = [];
      for (let i = 0; i < words.length; i++) {
        for (let j = i + 1; j < words.length; j++) {
          const [x, y] = words[i]! < words[j]! ? [words[i], words[j]] : [words[j], words[i]];
          keys.push(`${born}|${x}|${y}`);
        }
      }
      return keys;
    }
  }
}

const INDEX_BITS = 2 ** 22;
/** Most people one pass handles: the index shares a float64 with a 31-bit key hash. */
export const MAX_PEOPLE = INDEX_BITS;

function hash31(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 1) & 0x7fffffff;
}

export interface BlockingStats {
  /** Per kind: blocks of two or more people, and those skipped for being larger than the limit. */
  blocks: Record<BlockingKey, { blocks: number; skipped: number }>;
  pairs: number;
}

/**
 * Candidate pairs (indices into `people`, i < j, each once, in index order) of people who share a blocking key,
 * with blocks larger than maxBlockSize skipped. Keys are hashed and sorted in a Float64Array
 * (hash * 2^22 + index) rather than held in a Map of strings: a million people's keys fit in tens
 * of megabytes. A hash collision only joins two blocks, which adds pairs to score, never loses one.
 */
export function blockCandidatePairs(
  people: readonly PreparedPerson[],
  maxBlockSize: number,
  onPair: (i: number, j: number) => void,
): BlockingStats {
  if (people.length > MAX_PEOPLE) throw new RangeError(`at most ${MAX_PEOPLE} people per pass`);
  const stats: BlockingStats = {
    blocks: {
      name: { blocks: 0, skipped: 0 },
      document: { blocks: 0, skipped: 0 },
      phone: { blocks: 0, skipped: 0 },
      'birth-and-names': { blocks: 0, skipped: 0 },
    },
    pairs: 0,
  };
  // Pairs as lo * 2^22 + hi in a growing Float64Array, sorted and deduplicated at the end: the same
  // pair meets in several blocks, and a Set of millions of such numbers costs far more.
  let pairs = new Float64Array(1 << 16);
  let count = 0;
  for (const kind of BLOCKING_KEYS) {
    const entries: number[] = [];
    people.forEach((p, index) => {
      for (const key of new Set(blockingKeys(p, kind))) entries.push(hash31(key) * INDEX_BITS + index);
    });
    const sorted = Float64Array.from(entries).sort();
    let start = 0;
    while (start < sorted.length) {
      const block = Math.floor(sorted[start]! / INDEX_BITS);
      let end = start + 1;
      while (end < sorted.length && Math.floor(sorted[end]! / INDEX_BITS) === block) end += 1;
      const size = end - start;
      if (size >= 2) {
        stats.blocks[kind].blocks += 1;
        if (size > maxBlockSize) stats.blocks[kind].skipped += 1;
        else {
          for (let x = start; x < end; x++) {
            const i = sorted[x]! % INDEX_BITS;
            for (let y = x + 1; y < end; y++) {
              const j = sorted[y]! % INDEX_BITS;
              if (i === j) continue;
              if (count === pairs.length) {
                const grown = new Float64Array(pairs.length * 2);
                grown.set(pairs);
                pairs = grown;
              }
              pairs[count++] = i < j ? i * INDEX_BITS + j : j * INDEX_BITS + i;
            }
          }
        }
      }
      start = end;
    }
  }
  const unique = pairs.subarray(0, count).sort();
  for (let k = 0; k < unique.length; k++) {
    const pair = unique[k]!;
    if (k > 0 && pair === unique[k - 1]) continue;
    stats.pairs += 1;
    onPair(Math.floor(pair / INDEX_BITS), pair % INDEX_BITS);
  }
  return stats;
}
