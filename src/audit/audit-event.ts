import { createHash } from 'node:crypto';

export type AuditOutcome = 'ALLOWED' | 'DENIED' | 'FAILED';

/** What a request contributes to its audit record; the trail adds id, seq and the hashes. */
export interface AuditEntry {
  at: string;
  actor: string;
  agency: string | null;
  roles: string[];
  /** "query Explore", "mutation (anonymous)". */
  operation: string;
  rootFields: string[];
  entityIds: string[];
  purpose: string | null;
  outcome: AuditOutcome;
  /** Why it was denied or failed: a stable error code. */
  reason: string | null;
}

/** One stored record: the entry, its place in the chain and the chain's hashes. */
export interface AuditEvent extends AuditEntry {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
}

/** The prevHash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 over every field except the hash itself, in a fixed order, so a change to any stored
 * field of any record (or the removal of a record inside the chain) breaks verification there.
 */
export function hashEvent(event: Omit<AuditEvent, 'hash'>): string {
  const canonical = JSON.stringify([
    event.seq,
    event.id,
    event.at,
    event.actor,
    event.agency,
    event.roles,
    event.operation,
    event.rootFields,
    event.entityIds,
    event.purpose,
    event.outcome,
    event.reason,
    event.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** A stored node's properties as an AuditEvent; absent properties (null is never stored) read as null. */
export function toAuditEvent(props: Record<string, unknown>): AuditEvent {
  const text = (key: string) => (typeof props[key] === 'string' ? (props[key] as string) : null);
  const list = (key: string) => (Array.isArray(props[key]) ? (props[key] as unknown[]).map(String) : []);
  return {
    id: String(props['id']),
    seq: Number(props['seq']),
    at: String(props['at']),
    actor: String(props['actor']),
    agency: text('agency'),
    roles: list('roles'),
    operation: String(props['operation']),
    rootFields: list('rootFields'),
    entityIds: list('entityIds'),
    purpose: text('purpose'),
    outcome: String(props['outcome']) as AuditOutcome,
    reason: text('reason'),
    prevHash: String(props['prevHash']),
    hash: String(props['hash']),
  };
}
