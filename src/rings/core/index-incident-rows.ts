import type { EvidenceColumns } from './types.ts';

/** Rows incident to each node, in compressed sparse form: rows of node i are rows[offsets[i] .. offsets[i+1]). */
export interface IncidentRows {
  offsets: Int32Array;
  rows: Int32Array;
}

/** Scoring looks at every member's own rows; one pass here beats a scan of all rows per community. */
export function indexIncidentRows(nodeCount: number, columns: EvidenceColumns): IncidentRows {
  const rowCount = columns.source.length;
  const offsets = new Int32Array(nodeCount + 1);
  for (let row = 0; row < rowCount; row++) {
    offsets[columns.source[row]! + 1]!++;
    if (columns.target[row] !== columns.source[row]) offsets[columns.target[row]! + 1]!++;
  }
  for (let node = 0; node < nodeCount; node++) offsets[node + 1]! += offsets[node]!;
  const cursor = offsets.slice(0, nodeCount);
  const rows = new Int32Array(offsets[nodeCount]!);
  for (let row = 0; row < rowCount; row++) {
    const source = columns.source[row]!;
    const target = columns.target[row]!;
    rows[cursor[source]!++] = row;
    if (target !== source) rows[cursor[target]!++] = row;
  }
  return { offsets, rows };
}
