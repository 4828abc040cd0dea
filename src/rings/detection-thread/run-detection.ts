import { randomUUID } from 'node:crypto';
import { appendChange } from '../../changes/change-event.ts';
import type { Database } from '../../db/database.ts';
import {
  detectRings,
  type AnalystStatus,
  type DetectionOptionsInput,
  type DetectionResult,
  type PreviousRing,
} from '../core/index.ts';
import { EvidenceGraphKeeper, type ProjectionRead } from '../projection/evidence-graph-keeper.ts';

export interface DetectRingsRequest extends DetectionOptionsInput {
  /** The day ages are counted at; today unless given (a scenario fixes its own). */
  referenceDate?: string | null;
  /**
   * Read the whole evidence graph out of Neo4j even when the thread keeps one that the change
   * feed can bring up to date (a check, or a benchmark's first run).
   */
  fullRead?: boolean | null;
}

export interface DetectionProgress {
  stage: string;
  detail?: string;
}

/**
 * Ring detection end to end, run in the detection thread: the projection (the kept evidence
 * graph brought up to date from the change feed, or read in full; see EvidenceGraphKeeper), the
 * pure core, then the write-back (see writeRun). Ring ids and analysts' verdicts carry over from
 * the previous run when most members do. Returns the finished run's properties; its
 * graphStats.read says how the projection was read, and why in full when it was.
 */
export async function runDetection(
  db: Database,
  request: DetectRingsRequest,
  onProgress: (progress: DetectionProgress) => void,
  keeper: EvidenceGraphKeeper = new EvidenceGraphKeeper(),
): Promise<Record<string, unknown>> {
  const startedAt = new Date();
  const referenceDate = request.referenceDate ?? startedAt.toISOString().slice(0, 10);
  const t0 = performance.now();
  onProgress({ stage: 'projection' });
  const previous = await currentRings(db);
  const options = coreOptions(request);
  const { projection, read } = await keeper.projection(
    db,
    { referenceDate, fullRead: request.fullRead === true },
    (stage, rows) => onProgress({ stage: 'projection', detail: `${stage}: ${rows}` }),
  );
  onProgress({ stage: 'projection', detail: describeRead(read) });
  const projectionMs = performance.now() - t0;
  const result = detectRings(projection, options, previous.rings, {
    onProgress: (event) => onProgress({ stage: event.stage }),
  });
  onProgress({ stage: 'write-back' });
  const t1 = performance.now();
  const run = await writeRun(db, result, request, referenceDate, startedAt, projectionMs, previous, read);
  const writeMs = performance.now() - t1;
  const timings = {
    projection: projectionMs,
    ...result.timings,
    'write-back': writeMs,
    total: performance.now() - t0,
  };
  const [finished] = await db.write<{ run: Record<string, unknown> }>('rings/finish-run', {
    runId: run.id,
    finishedAt: new Date().toISOString(),
    ringCount: result.rings.length,
    timings: JSON.stringify(timings),
  });
  onProgress({ stage: 'done', detail: `${result.rings.length} rings` });
  return finished!.run;
}

/** The request without what only the service uses: the core's detection options. */
export function coreOptions(request: DetectRingsRequest): DetectionOptionsInput {
  const { referenceDate: _date, fullRead: _fullRead, ...options } = request;
  return options;
}

/** How the projection was read, in a line for the log. */
export function describeRead(read: ProjectionRead): string {
  return read.mode === 'incremental'
    ? `incremental: ${read.changes} feed records, ${read.touchedEntities} entities read again, now at ${read.position}`
    : `full read: ${read.reason}`;
}

/** How many runs back a retired ring may still take its id back (see matchPreviousRings). */
const RETIRED_RING_MEMORY_RUNS = 5;

/**
 * The latest run's rings, for this run to carry ids, verdicts and unchanged members over, then
 * the recently retired ones, which a community that continues no current ring may revive.
 */
async function currentRings(
  db: Database,
): Promise<{ rings: PreviousRing[]; roles: PreviousRoles; scores: Map<string, number> }> {
  const rows = await db.read<{
    id: string;
    memberEntityIds: string[];
    memberRoles: string[];
    status: string | null;
    statusNote: string | null;
    score: number | null;
  }>('rings/load-current-rings');
  const retired = await db.read<{
    id: string;
    memberEntityIds: string[];
    status: string | null;
    statusNote: string | null;
  }>('rings/load-recently-retired-rings', { runs: RETIRED_RING_MEMORY_RUNS });
  const scores = new Map(rows.map((row) => [row.id, Number(row.score ?? 0)]));
  const roles: PreviousRoles = new Map(
    rows.map((row) => [row.id, new Map(row.memberEntityIds.map((id, i) => [id, row.memberRoles[i] ?? '']))]),
  );
  const previousRing = (row: (typeof retired)[number], isRetired: boolean): PreviousRing => ({
    id: row.id,
    memberEntityIds: row.memberEntityIds,
    ...(row.status === 'CONFIRMED' || row.status === 'DISMISSED' ? { status: row.status as AnalystStatus } : {}),
    ...(row.statusNote ? { statusNote: row.statusNote } : {}),
    ...(isRetired ? { retired: true } : {}),
  });
  const rings = [...rows.map((row) => previousRing(row, false)), ...retired.map((row) => previousRing(row, true))];
  return { rings, roles, scores };
}

/**
 * The run, its rings and their members: new rings' nodes and members first, in transactions of
 * their own, then one transaction that records the run and makes its rings current.
 */
async function writeRun(
  db: Database,
  result: DetectionResult,
  request: DetectRingsRequest,
  referenceDate: string,
  startedAt: Date,
  projectionMs: number,
  previous: { roles: PreviousRoles; scores: Map<string, number> },
  read: ProjectionRead,
): Promise<{ id: string }> {
  const previousRoles = previous.roles;
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
    graphStats: JSON.stringify({ ...result.graphStats, read }),
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
  }));
  const { added, removed } = memberChanges(result, previousRoles);
  const continues = (ringId: string) => previousRoles.has(ringId);

  // Rings that do not continue a current one (all of them on a first run: hundreds of thousands
  // of members on a city) get their nodes and members in transactions of their own first; one
  // commit of that size held the database up for seconds. A failure before the run's own
  // transaction leaves them out of sight, and the next run replaces their members.
  const staged = rings.filter((ring) => !continues(ring.id)).map((ring) => ({ id: ring.id }));
  const stagedMembers = added.filter((row) => !continues(row.ringId));
  const metadata = { operation: 'detectRings', runId };
  for (let i = 0; i < staged.length; i += 5_000) {
    const batch = staged.slice(i, i + 5_000);
    await db.writeTransaction((tx) => tx.run('rings/stage-rings', { rings: batch, startedAt: run.startedAt }), {
      metadata,
    });
  }
  for (let i = 0; i < stagedMembers.length; i += 20_000) {
    const batch = stagedMembers.slice(i, i + 20_000);
    await db.writeTransaction((tx) => tx.run('rings/write-members', { members: batch }), { metadata });
  }

  // The run, its rings made current and the changes of continuing rings, all at once.
  const changedMembers = added.filter((row) => continues(row.ringId));
  await db.writeTransaction(
    async (tx) => {
      await tx.run('rings/create-run', { run });
      await tx.run('rings/retire-current-rings');
      for (let i = 0; i < rings.length; i += 5_000) {
        await tx.run('rings/write-rings', { runId, rings: rings.slice(i, i + 5_000) });
      }
      for (let i = 0; i < removed.length; i += 20_000) {
        await tx.run('rings/remove-members', { members: removed.slice(i, i + 20_000) });
      }
      for (let i = 0; i < changedMembers.length; i += 20_000) {
        await tx.run('rings/write-members', { members: changedMembers.slice(i, i + 20_000) });
      }
      await appendChange(tx, {
        kind: 'DETECTION_RUN',
        batchId: runId,
        source: null,
        entityIds: [...new Set(added.map((row) => row.entityId))],
        entityKinds: [],
        linkTypes: [],
        recordKeys: [],
        payload: { runId, rings: ringChanges(result, previous) },
      });
    },
    { timeoutMs: 600_000, metadata },
  );
  return { id: runId };
}

/** What a run changed in each ring against the current one it continues: for the change feed's consumers. */
export interface RingChange {
  id: string;
  score: number;
  /** null: the ring continues no current ring. */
  previousScore: number | null;
  status: string | null;
  /** Members that the ring did not have before. */
  addedMemberIds: string[];
  memberCount: number;
}

function ringChanges(
  result: DetectionResult,
  previous: { roles: PreviousRoles; scores: Map<string, number> },
): RingChange[] {
  return result.rings.map((ring) => {
    const before = previous.roles.get(ring.id);
    return {
      id: ring.id,
      score: ring.score,
      previousScore: before ? (previous.scores.get(ring.id) ?? 0) : null,
      status: ring.status ?? null,
      addedMemberIds: ring.members.map((m) => m.entityId).filter((id) => !before?.has(id)),
      memberCount: ring.members.length,
    };
  });
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
