import type { Transaction } from '../../db/database.ts';
import { minorBornAfter } from '../../protection/protection-reader.ts';
import type { Finding } from '../alert-writer.ts';
import { localTime, nameOf } from '../summary-template.ts';

export interface NoReturnOptions {
  /** Days after an exit without a later entry. */
  days: number;
  /** At most this many findings per check; the next check takes the rest. */
  limit: number;
}

/**
 * NO_RETURN, time-based (a scheduled check, not a change): a person under 16 or a victim whose
 * latest crossing is an exit older than `days`. A trip everyone came back from leaves an entry
 * as the latest crossing, so it raises nothing; one alert per exit.
 */
export async function noReturnFindings(tx: Transaction, now: Date, options: NoReturnOptions): Promise<Finding[]> {
  const rows = await tx.run<{
    personId: string;
    crossingId: string;
    at: string;
    atMillis: number;
    checkpoint: string;
    recordKeys: string[];
  }>('alerts/no-return-candidates', {
    minorBornAfter: minorBornAfter(now),
    cutoffMillis: now.getTime() - options.days * 86_400_000,
    limit: options.limit,
  });
  return rows.map((row) => {
    const days = Math.floor((now.getTime() - row.atMillis) / 86_400_000);
    return {
      rule: 'NO_RETURN',
      severity: 'HIGH',
      dedupeKey: `NO_RETURN|${row.crossingId}`,
      template: `${nameOf(row.personId)} exited through ${row.checkpoint} at ${localTime(row.at)} and has not come back: no entry in ${days} days (the rule waits ${options.days}).`,
      entityIds: [row.personId, row.crossingId],
      ringId: null,
      sourceKeys: row.recordKeys,
      watchers: [],
    };
  });
}
