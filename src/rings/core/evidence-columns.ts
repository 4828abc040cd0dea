import { InvalidProjectionError } from './errors.ts';
import { evidenceKinds } from './types.ts';
import type { EvidenceColumns, EvidenceKind, EvidenceRow, RingProjection } from './types.ts';

const kindIndex = new Map<string, number>(evidenceKinds.map((kind, index) => [kind, index]));

export function evidenceKindIndex(kind: EvidenceKind): number {
  return kindIndex.get(kind) ?? -1;
}

export function isEvidenceColumns(edges: RingProjection['edges']): edges is EvidenceColumns {
  return !Array.isArray(edges);
}

/** Rows to columns: the core works on columns so large projections cost typed arrays, not objects. */
export function toEvidenceColumns(rows: readonly EvidenceRow[]): EvidenceColumns {
  const columns: EvidenceColumns = {
    source: new Int32Array(rows.length),
    target: new Int32Array(rows.length),
    kind: new Uint8Array(rows.length),
    count: new Float64Array(rows.length),
  };
  const issues: string[] = [];
  rows.forEach((row, i) => {
    const kind = kindIndex.get(row.kind);
    if (kind === undefined) {
      if (issues.length < 10) issues.push(`edge row ${i} has unknown kind ${String(row.kind)}`);
      return;
    }
    columns.source[i] = row.source;
    columns.target[i] = row.target;
    columns.kind[i] = kind;
    columns.count[i] = row.count;
  });
  if (issues.length > 0) throw new InvalidProjectionError(issues);
  return columns;
}

export function projectionEdgeColumns(projection: RingProjection): EvidenceColumns {
  return isEvidenceColumns(projection.edges) ? projection.edges : toEvidenceColumns(projection.edges);
}

/** Checks the edge columns against the node table; reports at most a few issues to keep messages short. */
export function validateProjection(projection: RingProjection, columns: EvidenceColumns): void {
  const issues: string[] = [];
  const nodeCount = projection.nodes.length;
  const seen = new Set<string>();
  for (let i = 0; i < nodeCount && issues.length < 10; i++) {
    const node = projection.nodes[i];
    if (node === undefined || typeof node.entityId !== 'string' || node.entityId === '') {
      issues.push(`node ${i} has no entityId`);
    } else if (seen.has(node.entityId)) {
      issues.push(`node ${i} repeats entityId ${node.entityId}`);
    } else {
      seen.add(node.entityId);
    }
  }
  const rowCount = columns.source.length;
  if (columns.target.length !== rowCount || columns.kind.length !== rowCount || columns.count.length !== rowCount) {
    issues.push('edge columns have different lengths');
  }
  for (let i = 0; i < rowCount && issues.length < 10; i++) {
    const source = columns.source[i] ?? -1;
    const target = columns.target[i] ?? -1;
    const kind = columns.kind[i] ?? 255;
    const count = columns.count[i] ?? Number.NaN;
    if (source < 0 || source >= nodeCount || target < 0 || target >= nodeCount) {
      issues.push(`edge row ${i} points outside the node table (${source} → ${target}, ${nodeCount} nodes)`);
    }
    if (kind >= evidenceKinds.length) issues.push(`edge row ${i} has unknown kind index ${kind}`);
    if (!Number.isFinite(count) || count <= 0) issues.push(`edge row ${i} has count ${count}; it must be > 0`);
  }
  if (issues.length > 0) throw new InvalidProjectionError(issues);
}
