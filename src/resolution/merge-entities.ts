import { randomUUID } from 'node:crypto';
import { appendChange } from '../changes/change-event.ts';
import type { Transaction } from '../db/database.ts';
import {
  planMerge,
  type EntitySnapshot,
  type MergeSnapshot,
  type RelationshipRow,
  type TypedProperty,
} from './core/index.ts';
import { InvalidMergeError, ResolutionNotFoundError } from './errors.ts';

export interface MergeRecord {
  id: string;
  seq: number;
  at: string;
  by: string;
  reason: string;
  keptId: string;
  mergedId: string;
  automatic: boolean;
  undoneAt: string | null;
  undoneBy: string | null;
}

/** Property types a snapshot can carry through JSON and write back unchanged. */
const STORABLE =
  /^(STRING|INTEGER|FLOAT|BOOLEAN|LIST<(STRING|INTEGER|FLOAT|BOOLEAN|NOTHING)( NOT NULL)?>)( NOT NULL)?$/;

interface SnapshotRow {
  labels: string[];
  props: TypedProperty[];
  sourceKeys: string[];
}

interface RelationshipReadRow extends RelationshipRow {
  otherLabels: string[];
}

async function readEntity(tx: Transaction, id: string): Promise<EntitySnapshot | undefined> {
  const [row] = await tx.run<SnapshotRow>('resolution/entity-snapshot', { id });
  if (!row) return undefined;
  for (const p of row.props) {
    if (!STORABLE.test(p.type))
      throw new InvalidMergeError(`${id} has a property ${p.key} of type ${p.type} that a merge cannot keep`);
  }
  return { id, labels: row.labels, props: row.props, sourceKeys: row.sourceKeys };
}

async function readRelationships(tx: Transaction, id: string): Promise<RelationshipRow[]> {
  const rows = await tx.run<RelationshipReadRow>('resolution/entity-relationships', { id });
  return rows.map((row) => {
    if (!row.otherId || !row.otherLabels.some((l) => l === 'Entity' || l === 'Ring')) {
      throw new InvalidMergeError(`${id} has a ${row.type} relationship to something a merge cannot restore`);
    }
    for (const p of row.props) {
      if (!STORABLE.test(p.type))
        throw new InvalidMergeError(`a ${row.type} relationship of ${id} has a property ${p.key} of type ${p.type}`);
    }
    return { type: row.type, outgoing: row.outgoing, otherId: row.otherId, props: row.props };
  });
}

async function mergesOf(tx: Transaction, id: string): Promise<MergeRecord[]> {
  const rows = await tx.run<{ merge: MergeRecord }>('resolution/merges-of', { id });
  return rows.map((row) => ({
    ...row.merge,
    undoneAt: row.merge.undoneAt ?? null,
    undoneBy: row.merge.undoneBy ?? null,
  }));
}

export { mergesOf as readMerges };

export interface MergeRequest {
  keep: string;
  merge: string;
  reason: string;
  by: string;
  automatic: boolean;
  now: Date;
}

/**
 * Merges one person entity into another in the caller's transaction: the merged entity's agency
 * records now record the kept one, its relationships move there (united with the kept entity's
 * own of the same type and other end), empty fields of the kept entity are filled and document
 * numbers united, and a (:Merge) node keeps the snapshot that undoes it exactly.
 */
export async function mergeEntities(tx: Transaction, request: MergeRequest): Promise<MergeRecord> {
  const { keep, merge } = request;
  if (keep === merge) throw new InvalidMergeError('an entity cannot be merged into itself');
  const reason = request.reason.trim();
  if (!reason) throw new InvalidMergeError('a merge needs a reason');
  const kept = await readEntity(tx, keep);
  const merged = await readEntity(tx, merge);
  if (!kept) throw new ResolutionNotFoundError(`no entity ${keep}`);
  if (!merged) throw new ResolutionNotFoundError(`no entity ${merge}`);
  if (!kept.labels.includes('Person') || !merged.labels.includes('Person')) {
    throw new InvalidMergeError('only people are merged');
  }
  const plan = planMerge(kept, merged, await readRelationships(tx, keep), await readRelationships(tx, merge));
  await tx.run('resolution/move-source-records', { keys: merged.sourceKeys, fromId: merge, toId: keep });
  if (plan.keptSet.length)
    await tx.run('resolution/set-entity-properties', { id: keep, set: plan.keptSet, remove: [] });
  const united = plan.snapshot.relationships.flatMap((a) =>
    a.action === 'united'
      ? [{ type: a.rel.type, otherId: a.rel.otherId, outgoing: a.kept.outgoing, props: a.kept.after }]
      : [],
  );
  if (united.length) await tx.run('resolution/set-relationship-properties', { id: keep, rows: united });
  const moved = plan.snapshot.relationships.flatMap((a) => (a.action === 'moved' ? [a.rel] : []));
  if (moved.length) await tx.run('resolution/create-relationships', { id: keep, rows: moved });
  await tx.run('resolution/delete-entity', { id: merge });
  const previous = await mergesOf(tx, keep);
  const record: MergeRecord = {
    id: `mrg_${randomUUID()}`,
    seq: Math.max(0, ...previous.filter((m) => m.keptId === keep).map((m) => m.seq)) + 1,
    at: request.now.toISOString(),
    by: request.by,
    reason,
    keptId: keep,
    mergedId: merge,
    automatic: request.automatic,
    undoneAt: null,
    undoneBy: null,
  };
  await tx.run('resolution/create-merge', { merge: { ...record, snapshot: JSON.stringify(plan.snapshot) } });
  await appendChange(tx, {
    kind: 'MERGE',
    batchId: record.id,
    source: null,
    entityIds: [keep, merge],
    entityKinds: ['PERSON'],
    linkTypes: [...new Set(plan.snapshot.relationships.map((a) => a.rel.type))],
    recordKeys: merged.sourceKeys,
    payload: { mergeId: record.id, keptId: keep, mergedId: merge, by: request.by, automatic: request.automatic },
  });
  return record;
}

export interface UnmergeRequest {
  /** The kept entity the merge went into. */
  id: string;
  /** Which merge; the latest one into the entity when not given. Only the latest one can be undone. */
  mergeId: string | null;
  by: string;
  now: Date;
}

/**
 * Undoes a merge in the caller's transaction: the merged entity comes back with its id, properties,
 * agency records and relationships as they were, and the kept entity loses exactly what the merge
 * gave it. Merges into one entity are undone last first, since a later merge may have united
 * relationships that an earlier one moved.
 */
export async function unmergeEntity(
  tx: Transaction,
  request: UnmergeRequest,
): Promise<{ merge: MergeRecord; ids: [string, string] }> {
  const { id } = request;
  const active = (await mergesOf(tx, id))
    .filter((m) => m.keptId === id && m.undoneAt === null)
    .sort((x, y) => y.seq - x.seq);
  if (request.mergeId) {
    const [row] = await tx.run<{ merge: MergeRecord }>('resolution/get-merge', { id: request.mergeId });
    if (!row) throw new ResolutionNotFoundError(`no merge ${request.mergeId}`);
    if (row.merge.keptId !== id) throw new InvalidMergeError(`merge ${request.mergeId} did not merge into ${id}`);
    if (row.merge.undoneAt) throw new InvalidMergeError(`merge ${request.mergeId} was already undone`);
  }
  const latest = active[0];
  if (!latest) throw new ResolutionNotFoundError(`no merge into ${id} to undo`);
  if (request.mergeId && latest.id !== request.mergeId) {
    throw new InvalidMergeError(`undo the later merge ${latest.id} into ${id} first`);
  }
  const [row] = await tx.run<{ merge: MergeRecord & { snapshot: string } }>('resolution/get-merge', { id: latest.id });
  if (!row) throw new ResolutionNotFoundError(`no merge ${latest.id}`);
  const snapshot = JSON.parse(row.merge.snapshot) as MergeSnapshot;
  const mergedId = snapshot.merged.id;
  const others = [...new Set([id, mergedId, ...snapshot.relationships.map((a) => a.rel.otherId)])];
  const present = await tx.run<{ id: string; present: boolean }>('resolution/existing-ids', { ids: others });
  const exists = new Map(present.map((p) => [p.id, p.present]));
  if (!exists.get(id)) throw new ResolutionNotFoundError(`no entity ${id}`);
  if (exists.get(mergedId)) throw new InvalidMergeError(`${mergedId} exists again; the merge cannot be undone`);
  const missing = others.filter((other) => other !== id && other !== mergedId && !exists.get(other));
  if (missing.length) {
    throw new InvalidMergeError(`linked entities were merged since (${missing.join(', ')}); undo those merges first`);
  }

  await tx.run('resolution/create-entity', { labels: snapshot.merged.labels, props: snapshot.merged.props });
  await tx.run('resolution/move-source-records', { keys: snapshot.merged.sourceKeys, fromId: id, toId: mergedId });
  const before = new Set(snapshot.keptBefore.map((p) => p.key));
  await tx.run('resolution/set-entity-properties', {
    id,
    set: snapshot.keptBefore,
    remove: snapshot.keptChangedKeys.filter((key) => !before.has(key)),
  });
  // Last change first, so a twin united twice ends with its state before the first union.
  for (const action of [...snapshot.relationships].reverse()) {
    const { rel } = action;
    if (action.action === 'moved') {
      await tx.run('resolution/delete-relationships', { id, rows: [rel] });
    } else if (action.action === 'united') {
      const row = { type: rel.type, otherId: rel.otherId, outgoing: action.kept.outgoing, props: action.kept.before };
      await tx.run('resolution/set-relationship-properties', { id, rows: [row] });
    }
  }
  if (snapshot.relationships.length) {
    await tx.run('resolution/create-relationships', {
      id: mergedId,
      rows: snapshot.relationships.map((a) => a.rel),
    });
  }
  const at = request.now.toISOString();
  await tx.run('resolution/mark-merge-undone', { id: latest.id, at, by: request.by });
  await appendChange(tx, {
    kind: 'UNMERGE',
    batchId: latest.id,
    source: null,
    entityIds: [id, mergedId],
    entityKinds: ['PERSON'],
    linkTypes: [...new Set(snapshot.relationships.map((a) => a.rel.type))],
    recordKeys: snapshot.merged.sourceKeys,
    payload: { mergeId: latest.id, keptId: id, mergedId, by: request.by },
  });
  return { merge: { ...latest, undoneAt: at, undoneBy: request.by }, ids: [id, mergedId] };
}
