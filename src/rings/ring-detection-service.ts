import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import {
  type AnalystStatus,
  type DetectionOptionsInput,
  type DetectionResult,
  type PreviousRing,
} from './core/index.ts';
import { detectInThread } from './detection-thread/detection-thread.ts';
import {
  toRingRecord,
  type DetectionRunRecord,
  type RingMemberRecord,
  type RingRecord,
  type RingStatus,
} from './ring-records.ts';

export interface DetectRingsRequest extends DetectionOptionsInput {
  /** The day ages are counted at; today unless given (a scenario fixes its own). */
  referenceDate?: string | null;
}

export interface DetectionProgress {
  stage: string;
  detail?: string;
}

export class DetectionInProgressError extends Error {
  override name = 'DetectionInProgressError';
  constructor() {
    super('a ring detection is already running; wait for it to finish');
  }
}

export class RingNotFoundError extends Error {
  override name = 'RingNotFoundError';
}

export interface RingFilter {
  minScore: number;
  minSize: number;
  includeDismissed: boolean;
}

/**
 * Ring detection end to end: projection out of Neo4j, the pure core (in a worker thread
 * for large graphs), then one transaction that records the run and its rings. Ring ids
 * and analysts' verdicts carry over from the previous run when most members do.
 */
export class RingDetectionService {
  private running: Promise<DetectionRunRecord> | undefined;

  constructor(private readonly db: Database) {}

  detect(
    request: DetectRingsRequest = {},
    onProgress?: (progress: DetectionProgress) => void,
  ): Promise<DetectionRunRecord> {
    if (this.running) throw new DetectionInProgressError();
    this.running = this.runDetection(request, onProgress ?? (() => undefined)).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runDetection(
    request: DetectRingsRequest,
    onProgress: (progress: DetectionProgress) => void,
  ): Promise<DetectionRunRecord> {
    const startedAt = new Date();
    const referenceDate = request.referenceDate ?? startedAt.toISOString().slice(0, 10);
    const t0 = performance.now();
    onProgress({ stage: 'projection' });
    const previous = await this.previousRings();
    const { referenceDate: _ignored, ...coreOptions } = request;
    // Always in a thread of its own: even a small city's Louvain would hold up /health and every
    // other request of the service for as long as it runs, and a large city's projection too.
    const { result, projectionMs } = await detectInThread({
      connection: this.db.connection,
      referenceDate,
      options: coreOptions,
      previousRings: previous.rings,
      onProjectionProgress: (stage, rows) => onProgress({ stage: 'projection', detail: `${stage}: ${rows}` }),
      onProgress: (event) => onProgress({ stage: event.stage }),
    });
    onProgress({ stage: 'write-back' });
    const t1 = performance.now();
    const run = await this.persist(result, request, referenceDate, startedAt, projectionMs, previous.roles);
    const writeMs = performance.now() - t1;
    const timings = {
      projection: projectionMs,
      ...result.timings,
      'write-back': writeMs,
      total: performance.now() - t0,
    };
    const [finished] = await this.db.write<{ run: Record<string, unknown> }>('rings/finish-run', {
      runId: run.id,
      finishedAt: new Date().toISOString(),
      ringCount: result.rings.length,
      timings: JSON.stringify(timings),
    });
    onProgress({ stage: 'done', detail: `${result.rings.length} rings` });
    return toRunRecord(finished!.run);
  }

  private async previousRings(): Promise<{ rings: PreviousRing[]; roles: PreviousRoles }> {
    const rows = await this.db.read<{
      id: string;
      memberEntityIds: string[];
      memberRoles: string[];
      status: string | null;
      statusNote: string | null;
    }>('rings/load-current-rings');
    const roles: PreviousRoles = new Map(
      rows.map((row) => [row.id, new Map(row.memberEntityIds.map((id, i) => [id, row.memberRoles[i] ?? '']))]),
    );
    const rings = rows.map((row) => ({
      id: row.id,
      memberEntityIds: row.memberEntityIds,
      ...(row.status === 'CONFIRMED' || row.status === 'DISMISSED' ? { status: row.status as AnalystStatus } : {}),
      ...(row.statusNote ? { statusNote: row.statusNote } : {}),
    }));
    return { rings, roles };
  }

  private async persist(
    result: DetectionResult,
    request: DetectRingsRequest,
    referenceDate: string,
    startedAt: Date,
    projectionMs: number,
    previousRoles: PreviousRoles,
  ): Promise<{ id: string }> {
    const runId = `run_${startedAt
      .toISOString()
      .replace(/[-:.TZ]/g, '')
      .slice(0, 14)}_${randomUUID().slice(0, 8)}`;
    const run = {
      id: runId,
      startedAt: startedAt.toISOString(),
      parameters: JSON.stringify({ ...result.options, referenceDate, requested: request }),
      modularity: result.modularity,
      communityCount: result.communityCount,
      graphStats: JSON.stringify(result.graphStats),
      projectionMs,
    };
    const rings = result.rings.map((ring) => ({
      id: ring.id,
      props: {
        score: ring.score,
        size: ring.size,
        personCount: ring.personCount,
        factors: JSON.stringify(ring.factors),
        summary: ring.summary,
        keyPhones: ring.keyPhones,
        keyBrokers: ring.keyBrokers,
        status: ring.status ?? null,
        statusNote: ring.statusNote ?? null,
        continuesFrom: ring.continues?.previousId ?? null,
      },
      continuesCurrent: previousRoles.has(ring.id),
    }));
    const { added, removed } = memberChanges(result, previousRoles);
    await this.db.writeTransaction(
      async (tx) => {
        await tx.run('rings/create-run', { run });
        await tx.run('rings/retire-current-rings');
        for (let i = 0; i < rings.length; i += 5_000) {
          await tx.run('rings/write-rings', { runId, rings: rings.slice(i, i + 5_000) });
        }
        for (let i = 0; i < removed.length; i += 20_000) {
          await tx.run('rings/remove-members', { members: removed.slice(i, i + 20_000) });
        }
        for (let i = 0; i < added.length; i += 20_000) {
          await tx.run('rings/write-members', { members: added.slice(i, i + 20_000) });
        }
      },
      { timeoutMs: 600_000, metadata: { operation: 'detectRings', runId } },
    );
    return { id: runId };
  }

  async candidates(
    filter: RingFilter,
    page: { skip: number; limit: number },
  ): Promise<{ rings: RingRecord[]; total: number }> {
    const params = {
      minScore: filter.minScore,
      minSize: filter.minSize,
      hiddenStatuses: filter.includeDismissed ? [] : ['DISMISSED'],
    };
    const [rows, [count]] = await Promise.all([
      this.db.read<{ ring: Record<string, unknown> }>('rings/ring-candidates', { ...params, ...page }),
      this.db.read<{ total: number }>('rings/count-ring-candidates', params),
    ]);
    return { rings: rows.map((row) => toRingRecord(row.ring)), total: count?.total ?? 0 };
  }

  async ring(id: string): Promise<{ ring: RingRecord; members: RingMemberRecord[] } | undefined> {
    const [row] = await this.db.read<{ ring: Record<string, unknown>; members: RingMemberRecord[] }>('rings/get-ring', {
      id,
    });
    if (!row) return undefined;
    return { ring: toRingRecord(row.ring), members: row.members.filter((m) => m.entityId !== null) };
  }

  async evidence(id: string) {
    return this.db.read<{ source: string; target: string; type: string; weight: number; sources: string[] }>(
      'rings/ring-evidence',
      { id },
    );
  }

  async setStatus(id: string, status: RingStatus, note: string | null, by: string): Promise<RingRecord> {
    const [row] = await this.db.write<{ ring: Record<string, unknown> }>('rings/set-ring-status', {
      id,
      status: status === 'OPEN' ? null : status,
      note,
      by,
      at: new Date().toISOString(),
    });
    if (!row) throw new RingNotFoundError(`no ring with id ${id}`);
    return toRingRecord(row.ring);
  }

  async latestRun(): Promise<DetectionRunRecord | undefined> {
    const [row] = await this.db.read<{ run: Record<string, unknown> }>('rings/latest-run');
    return row ? toRunRecord(row.run) : undefined;
  }
}

/** Each current ring's members and their roles, by ring id. */
type PreviousRoles = Map<string, Map<string, string>>;

interface MemberRow {
  ringId: string;
  entityId: string;
  role: string;
}

/**
 * What to write for the rings' members: all of a new ring's, and for a ring that continues a current
 * one (same id, same node) only the members it gained or lost or whose role changed. Most members
 * carry over from run to run, and deleting and recreating a city's worth of them made the write-back's
 * commit the slowest part of it.
 */
function memberChanges(
  result: DetectionResult,
  previousRoles: PreviousRoles,
): { added: MemberRow[]; removed: MemberRow[] } {
  const added: MemberRow[] = [];
  const removed: MemberRow[] = [];
  for (const ring of result.rings) {
    const before = previousRoles.get(ring.id) ?? new Map<string, string>();
    const now = new Map(ring.members.map((member) => [member.entityId, member.role as string]));
    for (const [entityId, role] of now) {
      if (before.get(entityId) !== role) added.push({ ringId: ring.id, entityId, role });
    }
    for (const [entityId, role] of before) {
      if (now.get(entityId) !== role) removed.push({ ringId: ring.id, entityId, role });
    }
  }
  return { added, removed };
}

function toRunRecord(props: Record<string, unknown>): DetectionRunRecord {
  return {
    id: String(props['id']),
    startedAt: String(props['startedAt']),
    finishedAt: (props['finishedAt'] as string | undefined) ?? null,
    ringCount: Number(props['ringCount'] ?? 0),
    communityCount: Number(props['communityCount'] ?? 0),
    modularity: typeof props['modularity'] === 'number' ? props['modularity'] : null,
    parameters: String(props['parameters'] ?? '{}'),
    timings: (props['timings'] as string | undefined) ?? null,
    graphStats: String(props['graphStats'] ?? '{}'),
  };
}
