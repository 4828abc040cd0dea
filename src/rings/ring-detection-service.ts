import { appendChange } from '../changes/change-event.ts';
import type { Database } from '../db/database.ts';
import { LeaseLock } from '../db/lease-lock.ts';
import { ErrorCode } from '../shared/capability-error.ts';
import { resolveDetectionOptions } from './core/index.ts';
import { RingDetectionError } from './core/errors.ts';
import { DetectionThread } from './detection-thread/detection-thread.ts';
import {
  coreOptions,
  describeRead,
  type DetectRingsRequest,
  type DetectionProgress,
} from './detection-thread/run-detection.ts';
import { defaultKeeperOptions } from './projection/evidence-graph-keeper.ts';
import type { ProjectionRead } from './projection/evidence-graph-keeper.ts';
import {
  toRingRecord,
  type DetectionRunRecord,
  type RingMemberRecord,
  type RingRecord,
  type RingStatus,
} from './ring-records.ts';

export type { DetectRingsRequest, DetectionProgress } from './detection-thread/run-detection.ts';

export class DetectionInProgressError extends RingDetectionError {
  override name = 'DetectionInProgressError';
  override readonly code = ErrorCode.DETECTION_IN_PROGRESS;
  constructor() {
    super('a ring detection is already running; wait for it to finish');
  }
}

export class RingNotFoundError extends RingDetectionError {
  override name = 'RingNotFoundError';
  override readonly code = ErrorCode.NOT_FOUND;
}

/** The database lock that one detection at a time holds, whichever service instance runs it. */
export const DETECTION_LOCK = 'ring-detection';

/** How long a detection's lease lasts unless renewed: a dead instance blocks the others at most this long. */
export const DEFAULT_DETECTION_LEASE_MS = 30_000;

export interface RingDetectionServiceOptions {
  /** The detection lock's lease (DETECTION_LEASE_SECONDS). */
  leaseMs?: number;
  /** Who runs the detection, as the lock shows it; this process unless given. */
  instanceId?: string;
  /**
   * Above this share of the kept evidence graph touched since the last run, a run reads the
   * graph in full (DETECTION_FULL_READ_SHARE).
   */
  fullReadShare?: number;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export interface RingFilter {
  minScore: number;
  minSize: number;
  includeDismissed: boolean;
  /** Only these statuses (then includeDismissed does not matter); null: all but dismissed unless included. */
  statuses?: readonly RingStatus[] | null;
  /** The rings of this assignee; with `unassigned`, those of nobody too. */
  assignee?: string | null;
  unassigned?: boolean;
}

/**
 * Ring detection for the API: one run at a time, in a thread of its own (projection out of
 * Neo4j, the pure core, then one transaction that records the run and its rings; see
 * detection-thread/run-detection.ts), and the reads and verdicts on its results.
 *
 * One at a time across every service instance on the database, too: a run holds the
 * database lock DETECTION_LOCK (src/db/lease-lock.ts) from before its projection until its
 * rings are written. Two runs at once would each retire the other's rings and hand ring ids
 * over twice, and each costs the database a full projection.
 */
export class RingDetectionService {
  private running: Promise<DetectionRunRecord> | undefined;
  private readonly lock: LeaseLock;
  /** Kept from run to run with the evidence graph it holds (docs/decisions/0018). */
  private readonly thread: DetectionThread;
  private readonly log: NonNullable<RingDetectionServiceOptions['log']>;

  constructor(
    private readonly db: Database,
    options: RingDetectionServiceOptions = {},
  ) {
    this.log = options.log ?? (() => undefined);
    this.lock = new LeaseLock(db, DETECTION_LOCK, {
      leaseMs: options.leaseMs ?? DEFAULT_DETECTION_LEASE_MS,
      ...(options.instanceId ? { holder: options.instanceId } : {}),
      onLost: () =>
        this.log('error', 'ring detection lost its database lock (cut off longer than the lease); another may run'),
      onRenewalError: (error) =>
        this.log('warn', `ring detection could not renew its database lock: ${(error as Error).message}`),
    });
    this.thread = new DetectionThread(db.connection, {
      ...defaultKeeperOptions,
      ...(options.fullReadShare === undefined ? {} : { fullReadShare: options.fullReadShare }),
    });
  }

  /**
   * Stops the detection thread and drops the evidence graph it keeps; a later run starts afresh.
   * A run in progress fails (DetectionWorkerError) rather than hold up a shutdown for minutes;
   * its lease runs out if it cannot be released.
   */
  async close(): Promise<void> {
    await this.thread.close();
    await this.running?.catch(() => undefined);
  }

  /**
   * Fails as a rejected promise, never by throwing, so a caller's .catch sees every failure:
   * DetectionInProgressError while a run holds the lock, here (the fast path, no database
   * round trip) or on another instance.
   */
  detect(
    request: DetectRingsRequest = {},
    onProgress?: (progress: DetectionProgress) => void,
  ): Promise<DetectionRunRecord> {
    if (this.running) return Promise.reject(new DetectionInProgressError());
    this.running = this.runLocked(request, onProgress ?? (() => undefined)).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runLocked(
    request: DetectRingsRequest,
    onProgress: (progress: DetectionProgress) => void,
  ): Promise<DetectionRunRecord> {
    // Bad options fail as such, not as "in progress", and take no lock.
    resolveDetectionOptions(coreOptions(request));
    const lease = await this.lock.tryAcquire();
    if (!lease) throw new DetectionInProgressError();
    try {
      return await this.runInThread(request, onProgress);
    } finally {
      // Released after the run's rings are committed; this write also gives the process's
      // bookmarks a place after them (see Database), so its next reads see the new rings.
      await lease.release();
    }
  }

  /**
   * Always in a thread of its own, which reads, detects and writes: even a small city's Louvain would
   * hold up /health and every other request of the service for as long as it runs, and a large city's
   * projection, and its rings handed back here to be written, too.
   */
  private async runInThread(
    request: DetectRingsRequest,
    onProgress: (progress: DetectionProgress) => void,
  ): Promise<DetectionRunRecord> {
    const run = await this.thread.detect(request, onProgress);
    const read = (JSON.parse(String(run['graphStats'] ?? '{}')) as { read?: ProjectionRead }).read;
    if (read) this.log('info', `ring detection ${String(run['id'])}: ${describeRead(read)}`);
    return toRunRecord(run);
  }

  async candidates(
    filter: RingFilter,
    page: { skip: number; limit: number },
  ): Promise<{ rings: RingRecord[]; total: number }> {
    const params = {
      minScore: filter.minScore,
      minSize: filter.minSize,
      hiddenStatuses: filter.includeDismissed || filter.statuses ? [] : ['DISMISSED'],
      statuses: filter.statuses ? [...filter.statuses] : null,
      assignee: filter.assignee ?? null,
      unassigned: filter.unassigned ?? false,
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

  /** Several rings with their members in one statement; ids that name no ring are left out. */
  async rings(ids: readonly string[]): Promise<Map<string, { ring: RingRecord; members: RingMemberRecord[] }>> {
    const rows = ids.length
      ? await this.db.read<{ ring: Record<string, unknown>; members: RingMemberRecord[] }>('rings/get-rings', {
          ids: [...new Set(ids)],
        })
      : [];
    return new Map(
      rows.map((row) => {
        const ring = toRingRecord(row.ring);
        return [ring.id, { ring, members: row.members.filter((m) => m.entityId !== null) }];
      }),
    );
  }

  async evidence(id: string) {
    return this.db.read<{ source: string; target: string; type: string; weight: number; sources: string[] }>(
      'rings/ring-evidence',
      { id },
    );
  }

  async setStatus(id: string, status: RingStatus, note: string | null, by: string): Promise<RingRecord> {
    const row = await this.db.writeTransaction(async (tx) => {
      const [found] = await tx.run<{ ring: Record<string, unknown> }>('rings/set-ring-status', {
        id,
        status: status === 'OPEN' ? null : status,
        note,
        by,
        at: new Date().toISOString(),
      });
      if (!found) return undefined;
      await appendChange(tx, {
        kind: 'RING_STATUS',
        batchId: id,
        source: null,
        entityIds: [],
        entityKinds: [],
        linkTypes: [],
        recordKeys: [],
        payload: { ringId: id, status, note, by },
      });
      return found;
    });
    if (!row) throw new RingNotFoundError(`no ring with id ${id}`);
    return toRingRecord(row.ring);
  }

  async latestRun(): Promise<DetectionRunRecord | undefined> {
    const [row] = await this.db.read<{ run: Record<string, unknown> }>('rings/latest-run');
    return row ? toRunRecord(row.run) : undefined;
  }
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
