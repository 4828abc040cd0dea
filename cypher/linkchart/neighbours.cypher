// Neighbours over the link types given for each node, in the time window, at most $perNode
// per node: asked for the types on which a node is a hub over all time but not inside the
// window (expand-level.cypher walks the others). One typed branch per link type, so a node
// never walks the relationships of a type it skips.
// Time window: crossings by their `at`, calls by their `lastAt`, other links (and calls
// without a time) when their reported interval [firstSeen, lastSeen] meets the window.
UNWIND $rows AS row
MATCH (u:Entity {id: row.id})
CALL (u, row) {
  CALL (u, row) {
    WITH u, row WHERE 'USES_PHONE' IN row.types
    MATCH (u)-[r:USES_PHONE]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE 'CALLED' IN row.types
    MATCH (u)-[r:CALLED]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE 'RECRUITED_BY' IN row.types
    MATCH (u)-[r:RECRUITED_BY]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE 'KNOWS' IN row.types
    MATCH (u)-[r:KNOWS]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE 'RELATIVE_OF' IN row.types
    MATCH (u)-[r:RELATIVE_OF]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE 'INVOLVED_IN' IN row.types
    MATCH (u)-[r:INVOLVED_IN]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE 'OPERATES' IN row.types
    MATCH (u)-[r:OPERATES]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE 'MADE' IN row.types
    MATCH (u)-[r:MADE]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE 'AT' IN row.types
    MATCH (u)-[r:AT]-(v:Entity)
    RETURN r, v
  }
  WITH r, v WHERE (CASE type(r)
    WHEN 'MADE' THEN (($fromMillis IS NULL OR endNode(r).atMillis >= $fromMillis) AND ($toMillis IS NULL OR endNode(r).atMillis <= $toMillis))
    WHEN 'AT' THEN (($fromMillis IS NULL OR startNode(r).atMillis >= $fromMillis) AND ($toMillis IS NULL OR startNode(r).atMillis <= $toMillis))
    WHEN 'CALLED' THEN CASE WHEN r.lastAtMillis IS NULL
      THEN (($fromIso IS NULL OR r.lastSeen >= $fromIso) AND ($toIso IS NULL OR r.firstSeen <= $toIso))
      ELSE (($fromMillis IS NULL OR r.lastAtMillis >= $fromMillis) AND ($toMillis IS NULL OR r.lastAtMillis <= $toMillis)) END
    ELSE (($fromIso IS NULL OR r.lastSeen >= $fromIso) AND ($toIso IS NULL OR r.firstSeen <= $toIso))
  END)
  RETURN DISTINCT v
  ORDER BY v.id
  LIMIT toInteger($perNode)
}
RETURN row.id AS from, v.id AS id
