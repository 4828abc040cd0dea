// Degree of (node, link type) pairs inside the time window: only asked for hub candidates
// when a window is set, to decide whether they are still hubs and how many to collapse.
UNWIND $rows AS row
MATCH (u:Entity {id: row.id})
CALL (u, row) {
  CALL (u, row) {
    WITH u, row WHERE row.type = 'USES_PHONE'
    MATCH (u)-[r:USES_PHONE]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE row.type = 'CALLED'
    MATCH (u)-[r:CALLED]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE row.type = 'RECRUITED_BY'
    MATCH (u)-[r:RECRUITED_BY]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE row.type = 'KNOWS'
    MATCH (u)-[r:KNOWS]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE row.type = 'RELATIVE_OF'
    MATCH (u)-[r:RELATIVE_OF]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE row.type = 'INVOLVED_IN'
    MATCH (u)-[r:INVOLVED_IN]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE row.type = 'OPERATES'
    MATCH (u)-[r:OPERATES]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE row.type = 'MADE'
    MATCH (u)-[r:MADE]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row WHERE row.type = 'AT'
    MATCH (u)-[r:AT]-(v:Entity)
    RETURN r, v
  }
  WITH r WHERE (CASE type(r)
    WHEN 'MADE' THEN (($fromMillis IS NULL OR endNode(r).atMillis >= $fromMillis) AND ($toMillis IS NULL OR endNode(r).atMillis <= $toMillis))
    WHEN 'AT' THEN (($fromMillis IS NULL OR startNode(r).atMillis >= $fromMillis) AND ($toMillis IS NULL OR startNode(r).atMillis <= $toMillis))
    WHEN 'CALLED' THEN CASE WHEN r.lastAtMillis IS NULL
      THEN (($fromIso IS NULL OR r.lastSeen >= $fromIso) AND ($toIso IS NULL OR r.firstSeen <= $toIso))
      ELSE (($fromMillis IS NULL OR r.lastAtMillis >= $fromMillis) AND ($toMillis IS NULL OR r.lastAtMillis <= $toMillis)) END
    ELSE (($fromIso IS NULL OR r.lastSeen >= $fromIso) AND ($toIso IS NULL OR r.firstSeen <= $toIso))
  END)
  RETURN count(r) AS degree
}
RETURN row.id AS id, row.type AS type, degree
