import { GENESIS_HASH, hashEvent } from './audit-event.ts';
import type { AuditTrail } from './audit-trail.ts';

export type ChainVerdict =
  { ok: true; records: number } | { ok: false; records: number; seq: number; id: string; problem: string };

const PAGE = 2_000;

/**
 * Walks the trail from seq 1: every record must carry the next number, the hash of the
 * record before it, and a hash that matches its own fields. The first record that does not
 * is named. (A hash chain cannot tell that records were cut off at the newest end; compare
 * the count or the head hash with one noted earlier for that.)
 */
export async function verifyChain(trail: AuditTrail): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let records = 0;
  for (;;) {
    const page = await trail.chainPage(expectedSeq - 1, PAGE);
    if (!page.length) return { ok: true, records };
    for (const event of page) {
      const broken = (problem: string): ChainVerdict => ({ ok: false, records, seq: event.seq, id: event.id, problem });
      if (event.seq !== expectedSeq) {
        return broken(`expected seq ${expectedSeq} here: a record is missing or renumbered`);
      }
      if (event.prevHash !== prevHash) return broken('its prevHash is not the hash of the record before it');
      const { hash, ...rest } = event;
      if (hashEvent(rest) !== hash) return broken('its fields do not match its hash: the record was changed');
      prevHash = hash;
      expectedSeq += 1;
      records += 1;
    }
  }
}
