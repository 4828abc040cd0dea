import type { Database } from '../db/database.ts';
import { ErrorCode } from '../shared/capability-error.ts';
import { RingDetectionError } from './core/errors.ts';
import { detectInThread } from './detection-thread/detection-thread.ts';
import type { DetectRingsRequest, DetectionProgress } from './detection-thread/run-detection.ts';
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

export interface RingFilter {
  minScore: number;
  minSize: number;
  includeDismissed: boolean;
}

/**
 * Ring detection for the API: one run at a time, in a thread of its own (projection out of
 * Neo4j, the pure core, then one transaction that records the run and its rings; see
 * detection-thread/run-detection.ts), and the reads and verdicts on its results.
 */
export class RingDetectionService {
  private running: Promise<DetectionRunRecord> | undefined;

  constructor(private readonly db: Database) {}

  detect(
    request: DetectRingsRequest = {},
    onProgress?: (progress: DetectionProgress) => void,
  ): Promise<DetectionRunRecord> {
    if (this.running) throw new DetectionInProgressError();
    this.running = this.runInThread(request, onProgress ?? (() => undefined)).finally(() => {
      this.running = undefined;
    });
    return this.running;
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
    const run = await detectInThread({ connection: this.db.connection, request, onProgress });
    return toRunRecord(run);
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
