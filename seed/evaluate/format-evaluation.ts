import type { RingEvaluation } from './evaluate-rings.ts';

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** A plain-text report: overall figures, recall per ring shape, and optionally every planted ring. */
export function formatEvaluation(evaluation: RingEvaluation, details: boolean): string {
  const overall = table(
    ['measure', 'value', 'figures'],
    [
      ['recall', percent(evaluation.recall), `${evaluation.found} of ${evaluation.plantedCount} planted rings found`],
      [
        `precision@${evaluation.k}`,
        percent(evaluation.precisionAtK),
        `${evaluation.correctAtK} of the top ${evaluation.k} of ${evaluation.candidateCount} candidates match a ring`,
      ],
    ],
  );
  const shapes = new Map<string, { planted: number; found: number; jaccard: number }>();
  for (const ring of evaluation.rings) {
    const shape = shapes.get(ring.shape ?? '?') ?? { planted: 0, found: 0, jaccard: 0 };
    shape.planted += 1;
    shape.found += ring.found ? 1 : 0;
    shape.jaccard += ring.jaccard;
    shapes.set(ring.shape ?? '?', shape);
  }
  const byShape = table(
    ['shape', 'planted', 'found', 'recall', 'mean best Jaccard'],
    [...shapes].map(([shape, s]) => [
      shape,
      String(s.planted),
      String(s.found),
      percent(s.found / s.planted),
      (s.jaccard / s.planted).toFixed(2),
    ]),
  );
  const parts = [`Jaccard threshold ${evaluation.threshold}`, overall, byShape];
  if (details) {
    parts.push(
      table(
        ['ring', 'shape', 'size', 'best candidate', 'Jaccard', 'found'],
        evaluation.rings.map((ring) => [
          ring.id,
          ring.shape ?? '',
          String(ring.size),
          ring.bestCandidate ?? '-',
          ring.jaccard.toFixed(2),
          ring.found ? 'yes' : 'no',
        ]),
      ),
    );
  }
  return `${parts.join('\n\n')}\n`;
}
