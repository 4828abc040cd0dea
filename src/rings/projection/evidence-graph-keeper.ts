import { ChangeFeed } from '../../changes/change-feed.ts';
import type { ChangeKind } from '../../changes/change-event.ts';
import type { Database } from '../../db/database.ts';
import type { RingProjection } from '../core/index.ts';
import type { FeedAnchor, KeptEvidenceGraph } from './kept-evidence-graph.ts';
import { readKeptGraph, readRefresh } from './read-projection.ts';

/** How a run got its projection, for the run's graph statistics and the log. */
export type ProjectionRead =
  | {
      mode: 'incremental';
      /** Feed records applied since the graph's last run, and the entities they touched. */
      changes: number;
      touchedEntities: number;
      /** The feed position the graph stands at now. */
      position: number;
      readMs: number;
    }
  | {
      mode: 'full';
      /** Why the graph was read in full. */
      reason: string;
      position: number;
      readMs: number;
    };

export interface KeeperOptions {
  /**
   * Above this share of the kept graph's nodes touched since its last run, the graph is read in
   * full (DETECTION_FULL_READ_SHARE): past it, seeking the touched entities one by one costs
   * more than the paged full read.
   */
  fullReadShare: number;
  /** Feed records read per statement while collecting what changed. */
  feedStep?: number;
}

export const defaultKeeperOptions: KeeperOptions = { fullReadShare: 0.2 };

/** Writes that change no evidence: their entity ids are rings' members and alerts' subjects. */
const NO_EVIDENCE: ReadonlySet<ChangeKind> = new Set<ChangeKind>(['RING_STATUS', 'DETECTION_RUN', 'ALERTS_RAISED']);

/** A graph this small is read in full whatever changed: a full read of it is a moment's work. */
const SMALL_GRAPH = 1_000;

/**
 * Keeps one evidence graph between the runs of one detection thread and brings it up to date
 * from the change feed (docs/decisions/0010), so that a run after a small change reads from
 * Neo4j only the entities the feed names since the graph's position. Each service instance
 * keeps its own graph and position in memory: whichever instance ran last, each applies every
 * record after its own position, so none depends on another's runs.
 *
 * It reads the graph in full when it holds none (a first run, a restarted thread, a failed
 * run), when the run asks for it, when the record at its position is not the one it applied
 * (the feed was pruned, or the database is another one), and when the change is too large.
 */
export class EvidenceGraphKeeper {
  private graph: KeptEvidenceGraph | undefined;

  constructor(private readonly options: KeeperOptions = defaultKeeperOptions) {}

  /** Forgets the graph: the next run reads in full. */
  drop(): void {
    this.graph = undefined;
  }

  get kept(): KeptEvidenceGraph | undefined {
    return this.graph;
  }

  async projection(
    db: Database,
    request: { referenceDate: string; maxCaseSize?: number; fullRead?: boolean },
    onProgress: (stage: string, rows: number) => void = () => undefined,
  ): Promise<{ projection: RingProjection; read: ProjectionRead }> {
    const t0 = performance.now();
    let read: ProjectionRead;
    try {
      read = await this.bringUpToDate(db, request.fullRead === true, onProgress, t0);
    } catch (error) {
      // A read cut short leaves nothing half applied (refresh is applied at once), but a full
      // read cut short leaves no graph either way: start afresh next time.
      this.graph = undefined;
      throw error;
    }
    const projection = this.graph!.toProjection({
      referenceDate: request.referenceDate,
      ...(request.maxCaseSize === undefined ? {} : { maxCaseSize: request.maxCaseSize }),
    });
    return { projection, read };
  }

  private async bringUpToDate(
    db: Database,
    fullRead: boolean,
    onProgress: (stage: string, rows: number) => void,
    t0: number,
  ): Promise<ProjectionRead> {
    const feed = new ChangeFeed(db);
    const head = await feed.head();
    const graph = this.graph;
    const full = async (reason: string): Promise<ProjectionRead> => {
      // The position is taken before the read: a write that commits during it is read again
      // by the next run, whether or not this read saw it.
      const anchor = await anchorAt(feed, head);
      this.graph = undefined;
      const fresh = await readKeptGraph(db, onProgress);
      fresh.anchor = anchor;
      this.graph = fresh;
      return { mode: 'full', reason, position: head, readMs: performance.now() - t0 };
    };
    if (!graph) return full('no kept graph: the first run of this detection thread');
    if (fullRead) return full('a full read was asked for');
    const position = graph.anchor?.seq ?? 0;
    if (head < position) return full(`the feed ends at ${head}, before the kept graph's position ${position}`);

    // The record at the position must be the one the graph applied last: otherwise the feed
    // was pruned past it or this is another database, and what changed since cannot be known.
    const step = this.options.feedStep ?? 500;
    const records = position > 0 ? await feed.touched(position - 1, head, step) : await feed.touched(0, head, step);
    if (position > 0) {
      const first = records[0];
      if (!first || !sameRecord(first, graph.anchor!)) {
        return full(`the feed no longer holds the record at the kept graph's position ${position}`);
      }
      records.shift();
    }
    const limit = Math.max(SMALL_GRAPH, Math.floor(graph.nodeCount * this.options.fullReadShare));
    const touched = new Set<string>();
    let last: FeedAnchor | null = graph.anchor;
    let changes = 0;
    for (let page = records; ;) {
      for (const record of page) {
        if (record.seq !== (last?.seq ?? 0) + 1) return full(`the feed has a gap after ${last?.seq ?? 0}`);
        last = { seq: record.seq, batchId: record.batchId, at: record.at };
        changes++;
        if (NO_EVIDENCE.has(record.kind)) continue;
        for (const id of record.entityIds) touched.add(id);
      }
      if (touched.size > limit) {
        return full(`${touched.size} or more entities changed since position ${position}, over ${limit}`);
      }
      if ((last?.seq ?? 0) >= head || page.length === 0) break;
      page = await feed.touched(last!.seq, head, step);
    }
    if ((last?.seq ?? 0) < head) return full(`the feed has a gap after ${last?.seq ?? 0}`);
    if (touched.size) {
      const refresh = await readRefresh(db, graph, [...touched]);
      graph.refresh(refresh);
      onProgress('refreshed nodes', refresh.nodes.length);
    }
    graph.anchor = last;
    return {
      mode: 'incremental',
      changes,
      touchedEntities: touched.size,
      position: last?.seq ?? 0,
      readMs: performance.now() - t0,
    };
  }
}

/** The feed record at `seq`, as the position a graph read now stands at; null for an empty feed. */
async function anchorAt(feed: ChangeFeed, seq: number): Promise<FeedAnchor | null> {
  if (seq === 0) return null;
  const [record] = await feed.touched(seq - 1, seq, 1);
  return record ? { seq: record.seq, batchId: record.batchId, at: record.at } : null;
}

function sameRecord(record: { seq: number; batchId: string; at: string }, anchor: FeedAnchor): boolean {
  return record.seq === anchor.seq && record.batchId === anchor.batchId && record.at === anchor.at;
}
