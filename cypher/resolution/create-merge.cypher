// The record of one merge: who, when, why, and the snapshot that undoing it needs.
CREATE (m:Merge {
  id: $merge.id, seq: toInteger($merge.seq), at: $merge.at, by: $merge.by, reason: $merge.reason,
  keptId: $merge.keptId, mergedId: $merge.mergedId, automatic: $merge.automatic, snapshot: $merge.snapshot
})
RETURN m.id AS id
