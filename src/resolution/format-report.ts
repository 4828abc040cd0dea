import type { ResolutionReport } from './resolution-service.ts';

/** The report of npm run resolve, for a terminal. */
export function formatResolutionReport(report: ResolutionReport): string {
  const blocks = Object.entries(report.blocks)
    .map(([kind, b]) => `${kind} ${b.blocks}${b.skipped ? ` (${b.skipped} over the size limit, skipped)` : ''}`)
    .join(', ');
  return [
    `people ${report.people}; blocks: ${blocks}; pairs scored ${report.scoredPairs}`,
    `candidate pairs at score >= ${report.minScore}: ${report.candidates}`,
    ...report.bands.map((b) => `  ${b.band}: ${b.pairs}`),
    `pairs sharing a document number of the same kind, nothing contradicting: ${report.autoMergeable}`,
    report.autoMerge
      ? `automatic merges done: ${report.merges.length}`
      : 'automatic merges: off (dry run; pass --auto-merge or set RESOLUTION_AUTO_MERGE=true)',
    `search ${report.seconds.search.toFixed(1)} s, merges ${report.seconds.merge.toFixed(1)} s`,
  ].join('\n');
}
