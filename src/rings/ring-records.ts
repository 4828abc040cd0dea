import type { RiskFactor } from './core/index.ts';
import type { RingTriageReason } from './triage/triage-vocabulary.ts';

export type RingStatus = 'OPEN' | 'CONFIRMED' | 'DISMISSED';

/** A ring as stored: what the API reads. */
export interface RingRecord {
  id: string;
  score: number;
  size: number;
  personCount: number;
  factors: RiskFactor[];
  summary: string;
  keyPhones: string[];
  keyBrokers: string[];
  status: RingStatus;
  statusNote: string | null;
  /** Triage (decision record 0014): kept on the ring's node, so a run that carries it over keeps them. */
  statusReason: RingTriageReason | null;
  statusBy: string | null;
  statusAt: string | null;
  assignee: string | null;
  detectedAt: string;
  firstDetectedAt: string | null;
  runId: string;
  continuesFrom: string | null;
}

export interface RingMemberRecord {
  entityId: string;
  role: string | null;
}

export interface DetectionRunRecord {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  ringCount: number;
  communityCount: number;
  modularity: number | null;
  parameters: string;
  timings: string | null;
  graphStats: string;
}

/** Rings are stored with their factors as JSON (a list of maps is not a Neo4j property type). */
export function toRingRecord(props: Record<string, unknown>): RingRecord {
  return {
    id: String(props['id']),
    score: Number(props['score']),
    size: Number(props['size']),
    personCount: Number(props['personCount']),
    factors: JSON.parse(String(props['factors'] ?? '[]')) as RiskFactor[],
    summary: String(props['summary'] ?? ''),
    keyPhones: (props['keyPhones'] as string[] | undefined) ?? [],
    keyBrokers: (props['keyBrokers'] as string[] | undefined) ?? [],
    status: ((props['status'] as RingStatus | null | undefined) ?? 'OPEN') as RingStatus,
    statusNote: (props['statusNote'] as string | null | undefined) ?? null,
    statusReason: (props['statusReason'] as RingTriageReason | null | undefined) ?? null,
    statusBy: (props['statusBy'] as string | null | undefined) ?? null,
    statusAt: (props['statusAt'] as string | null | undefined) ?? null,
    assignee: (props['assignee'] as string | null | undefined) ?? null,
    detectedAt: String(props['detectedAt']),
    firstDetectedAt: (props['firstDetectedAt'] as string | null | undefined) ?? null,
    runId: String(props['runId']),
    continuesFrom: (props['continuesFrom'] as string | null | undefined) ?? null,
  };
}
