import type { IncidentRows } from './index-incident-rows.ts';
import { RowEvidence } from './mark-ring-evidence.ts';
import type { EvidenceColumns } from './types.ts';

/**
 * The part of the city the community step has to look at, as a flag per node index (1 = inside).
 *
 * A ring is made of entities tied by ring evidence (see markRingEvidence) and the other records of
 * those people, and takes its phones and brokers from the entities next to them
 * (splitIntoEvidenceCores). So the nodes that matter are those two groups plus everything within
 * `hops` ties of them, which also gives Louvain the ordinary life around a ring that draws its border.
 * Beyond that lies the rest of the city, which can never be part of a ring: on the bench city, at two
 * ties, nearly two thirds of the nodes, and most of the community step's time and memory.
 */
export function nodesNearRingEvidence(
  nodeCount: number,
  columns: EvidenceColumns,
  incident: IncidentRows,
  evidence: Uint8Array,
  hops: number,
): Uint8Array {
  const near = new Uint8Array(nodeCount);
  let frontier: number[] = [];
  const reach = (node: number) => {
    if (near[node] === 1) return;
    near[node] = 1;
    frontier.push(node);
  };
  for (let row = 0; row < evidence.length; row++) {
    if (evidence[row] !== RowEvidence.ring) continue;
    reach(columns.source[row]!);
    reach(columns.target[row]!);
  }

  // Other records of a ring's people, however long the chain of them.
  const pending = [...frontier];
  while (pending.length > 0) {
    const node = pending.pop()!;
    for (let at = incident.offsets[node]!; at < incident.offsets[node + 1]!; at++) {
      const row = incident.rows[at]!;
      if (evidence[row] !== RowEvidence.identity) continue;
      const other = columns.source[row] === node ? columns.target[row]! : columns.source[row]!;
      if (near[other] === 0) pending.push(other);
      reach(other);
    }
  }

  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const current = frontier;
    frontier = [];
    for (const node of current) {
      for (let at = incident.offsets[node]!; at < incident.offsets[node + 1]!; at++) {
        const row = incident.rows[at]!;
        reach(columns.source[row] === node ? columns.target[row]! : columns.source[row]!);
      }
    }
  }
  return near;
}
