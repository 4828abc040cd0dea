// `at`, when a record gives it, is when the recruitment happened; the earliest reported wins.
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId})
MATCH (b:Entity {id: row.toId})
MERGE (a)-[r:RECRUITED_BY]->(b)
  ON CREATE SET r.firstSeen = $now, r.sources = []
SET r.lastSeen = $now,
    r.at = CASE WHEN row.at IS NOT NULL AND (r.at IS NULL OR row.atMillis < r.atMillis) THEN row.at ELSE r.at END,
    r.atMillis = CASE WHEN row.at IS NOT NULL AND (r.atMillis IS NULL OR row.atMillis < r.atMillis) THEN toInteger(row.atMillis) ELSE r.atMillis END,
    r.sources = CASE WHEN row.source IN r.sources THEN r.sources ELSE r.sources + row.source END
// New links only, for the change feed: a re-sent record is no news.
WITH row, r
WHERE r.firstSeen = $now
RETURN row.fromId AS fromId, row.toId AS toId, null AS role
