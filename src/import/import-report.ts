import type { IngestBatchInput, IngestReport } from '../ingest/batch-types.ts';
import type { ConversionNotes } from './csv-to-records.ts';

const EXAMPLES = 3;

export interface ImportSummary {
  target: string;
  sources: string[];
  batches: number;
  replayedBatches: number;
  retries: number;
  failedBatches: { batch: number; code: string; message: string; records: number }[];
  sent: number;
  accepted: number;
  rejected: number;
  rejectedByCode: Record<string, { count: number; examples: string[] }>;
  seconds: number;
  notes?: ConversionNotes | undefined;
}

export function emptySummary(target: string): ImportSummary {
  return {
    target,
    sources: [],
    batches: 0,
    replayedBatches: 0,
    retries: 0,
    failedBatches: [],
    sent: 0,
    accepted: 0,
    rejected: 0,
    rejectedByCode: {},
    seconds: 0,
  };
}

/** Adds one answered batch to the summary. */
export function tally(summary: ImportSummary, number: number, batch: IngestBatchInput, report: IngestReport): void {
  summary.accepted += report.accepted;
  summary.rejected += report.rejected;
  if (report.replayed) summary.replayedBatches += 1;
  for (const error of report.errors) {
    const entry = (summary.rejectedByCode[error.code] ??= { count: 0, examples: [] });
    entry.count += 1;
    if (entry.examples.length < EXAMPLES) {
      entry.examples.push(
        `batch ${number} ${error.section}[${error.index}]${describe(batch, error)}: ${error.message}`,
      );
    }
  }
}

function describe(batch: IngestBatchInput, error: { section: string; index: number }): string {
  const record = (batch as unknown as Record<string, unknown[] | undefined>)[error.section]?.[error.index] as
    Record<string, unknown> | undefined;
  const id = record?.['externalId'] ?? record?.['number'];
  return typeof id === 'string' ? ` (${id})` : '';
}

const n = (value: number) => value.toLocaleString('en-US');

/** The report printed at the end of an import. */
export function formatSummary(summary: ImportSummary): string {
  const rate = summary.seconds > 0 ? summary.sent / summary.seconds : 0;
  const lines = [
    `import into ${summary.target}, source ${summary.sources.join(', ') || '-'}`,
    `  records sent   ${n(summary.sent)}`,
    `  accepted       ${n(summary.accepted)}`,
    `  rejected       ${n(summary.rejected)}`,
  ];
  for (const [code, entry] of Object.entries(summary.rejectedByCode).sort((a, b) => b[1].count - a[1].count)) {
    lines.push(`    ${code} ${n(entry.count)}`);
    for (const example of entry.examples) lines.push(`      e.g. ${example}`);
  }
  lines.push(
    `  batches        ${n(summary.batches)} (${summary.replayedBatches} replayed, ${summary.failedBatches.length} failed, ${summary.retries} retries)`,
  );
  for (const failed of summary.failedBatches) {
    lines.push(
      `    batch ${failed.batch} FAILED (${n(failed.records)} records not written): ${failed.code}: ${failed.message}`,
    );
  }
  lines.push(`  time           ${summary.seconds.toFixed(1)} s`, `  records/s      ${n(Math.round(rate))}`);
  const notes = summary.notes;
  if (notes) {
    lines.push('  from the CSV files:');
    for (const file of notes.files) {
      const out = file.joinedOut ? `, ${n(file.joinedOut)} left out (no match in the join)` : '';
      lines.push(`    ${file.file}: ${n(file.rows)} rows → ${n(file.records)} ${file.yields}${out}`);
    }
    if (notes.merged) lines.push(`    ${n(notes.merged)} rows repeated a phone or link already made (merged into it)`);
    if (notes.substitutedPhones.count) {
      lines.push(
        `    ${n(notes.substitutedPhones.count)} undialable phone numbers replaced by Ofcom drama numbers (undialable: substitute), e.g. ${notes.substitutedPhones.examples.slice(0, 3).join('; ')}`,
      );
    }
    if (notes.undialablePhones.count) {
      lines.push(
        `    ${n(notes.undialablePhones.count)} undialable phone numbers sent as written: refused as INVALID_PHONE with their links, e.g. ${notes.undialablePhones.examples.slice(0, 3).join('; ')}`,
      );
    }
    if (notes.unresolved.count) {
      lines.push(`    ${n(notes.unresolved.count)} link rows name a node that is not imported (not sent):`);
      for (const example of notes.unresolved.examples) lines.push(`      e.g. ${example}`);
    }
  }
  return lines.join('\n');
}
