// One breadth-first level. Each node's degree per link type comes from the degree store
// (COUNT { } on a typed pattern), so a hub with 100,000 crossings costs no more than a leaf;
// its neighbours are walked only over the types given for it (row.types) on which it is no hub
// (degree at most $supernodeDegree), in the time window, at most $perNode of them. One typed
// branch per link type, so a node never walks the relationships of a type it skips. Time
// window: crossings by their `at`, calls by their `lastAt`, other links (and calls without a
// time) when their reported interval [firstSeen, lastSeen] meets the window.
UNWIND $rows AS row
MATCH (u:Entity {id: row.id})
WITH u, row, {
  USES_PHONE: COUNT { (u)-[:USES_PHONE]-() },
  CALLED: COUNT { (u)-[:CALLED]-() },
  RECRUITED_BY: COUNT { (u)-[:RECRUITED_BY]-() },
  KNOWS: COUNT { (u)-[:KNOWS]-() },
  RELATIVE_OF: COUNT { (u)-[:RELATIVE_OF]-() },
  INVOLVED_IN: COUNT { (u)-[:INVOLVED_IN]-() },
  OPERATES: COUNT { (u)-[:OPERATES]-() },
  MADE: COUNT { (u)-[:MADE]-() },
  AT: COUNT { (u)-[:AT]-() }
} AS degrees
CALL (u, row, degrees) {
  CALL (u, row, degrees) {
    WITH u, row, degrees WHERE 'USES_PHONE' IN row.types AND degrees.USES_PHONE <= $supernodeDegree
    MATCH (u)-[r:USES_PHONE]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row, degrees WHERE 'CALLED' IN row.types AND degrees.CALLED <= $supernodeDegree
    MATCH (u)-[r:CALLED]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row, degrees WHERE 'RECRUITED_BY' IN row.types AND degrees.RECRUITED_BY <= $supernodeDegree
    MATCH (u)-[r:RECRUITED_BY]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row, degrees WHERE 'KNOWS' IN row.types AND degrees.KNOWS <= $supernodeDegree
    MATCH (u)-[r:KNOWS]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row, degrees WHERE 'RELATIVE_OF' IN row.types AND degrees.RELATIVE_OF <= $supernodeDegree
    MATCH (u)-[r:RELATIVE_OF]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row, degrees WHERE 'INVOLVED_IN' IN row.types AND degrees.INVOLVED_IN <= $supernodeDegree
    MATCH (u)-[r:INVOLVED_IN]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row, degrees WHERE 'OPERATES' IN row.types AND degrees.OPERATES <= $supernodeDegree
    MATCH (u)-[r:OPERATES]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row, degrees WHERE 'MADE' IN row.types AND degrees.MADE <= $supernodeDegree
    MATCH (u)-[r:MADE]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, row, degrees WHERE 'AT' IN row.types AND degrees.AT <= $supernodeDegree
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
  WITH DISTINCT v
  ORDER BY v.id
  LIMIT toInteger($perNode)
  RETURN collect(v.id) AS neighbours
}
RETURN u.id AS id, labels(u) AS labels, degrees, neighbours
