{{note}}
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId})
MATCH (b:Entity {id: row.toId})
MERGE (a)-[r:{{type}}]{{arrow}}(b)
  ON CREATE SET r.firstSeen = $now, r.sources = []
SET r.lastSeen = $now,
    r.sources = CASE WHEN row.source IN r.sources THEN r.sources ELSE r.sources + row.source END
// New links only, for the change feed: a re-sent record is no news.
WITH row, r
WHERE r.firstSeen = $now
RETURN row.fromId AS fromId, row.toId AS toId, null AS role
