/** The kind of the single edit between two words one slip apart, or null when they are further apart. */
export type SlipKind = 'transposition' | 'doubled-letter' | 'insertion' | 'substitution';

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions), bounded: returns
 * max + 1 as soon as the distance exceeds max. Names are short, so the quadratic table is cheap.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1]!;
}

/** What one clerical slip turned `a` into `b`; null when they are equal or more than one edit apart. */
export function slipKind(a: string, b: string): SlipKind | null {
  if (a === b || editDistance(a, b, 1) !== 1) return null;
  if (a.length === b.length) {
    const i = [...a].findIndex((char, k) => char !== b[k]);
    return a[i] === b[i + 1] && a[i + 1] === b[i] ? 'transposition' : 'substitution';
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  const i = [...short].findIndex((char, k) => char !== long[k]);
  const at = i === -1 ? short.length : i;
  const extra = long[at];
  return extra === long[at - 1] || extra === long[at + 1] ? 'doubled-letter' : 'insertion';
}
