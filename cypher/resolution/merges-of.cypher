// The merges an entity took part in, kept or merged, newest first.
CALL () {
  MATCH (m:Merge {keptId: $id})
  RETURN m
  UNION
  MATCH (m:Merge {mergedId: $id})
  RETURN m
}
RETURN m {.id, .seq, .at, .by, .reason, .keptId, .mergedId, .automatic, .undoneAt, .undoneBy} AS merge
ORDER BY merge.at DESC, merge.seq DESC
