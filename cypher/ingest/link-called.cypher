// count is the number of calls the sender reports for the pair (its running total, not an
// increment), so a re-sent record never inflates it; the largest report wins. `at` is the
// last call a record reports: the latest is lastAt, the earliest firstAt (the first call the
// service has heard of, for the workspace's timeline).
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId})
MATCH (b:Entity {id: row.toId})
MERGE (a)-[r:CALLED]->(b)
  ON CREATE SET r.firstSeen = $now, r.sources = [], r.count = 0
SET r.lastSeen = $now,
    r.count = CASE WHEN toInteger(row.count) > r.count THEN toInteger(row.count) ELSE r.count END,
    r.lastAt = CASE WHEN row.at IS NOT NULL AND (r.lastAt IS NULL OR row.atMillis > r.lastAtMillis) THEN row.at ELSE r.lastAt END,
    r.lastAtMillis = CASE WHEN row.at IS NOT NULL AND (r.lastAtMillis IS NULL OR row.atMillis > r.lastAtMillis) THEN toInteger(row.atMillis) ELSE r.lastAtMillis END,
    r.firstAt = CASE WHEN row.at IS NOT NULL AND (r.firstAt IS NULL OR row.atMillis < r.firstAtMillis) THEN row.at ELSE r.firstAt END,
    r.firstAtMillis = CASE WHEN row.at IS NOT NULL AND (r.firstAtMillis IS NULL OR row.atMillis < r.firstAtMillis) THEN toInteger(row.atMillis) ELSE r.firstAtMillis END,
    r.sources = CASE WHEN row.source IN r.sources THEN r.sources ELSE r.sources + row.source END
// New links only, for the change feed: a re-sent record is no news.
WITH row, r
WHERE r.firstSeen = $now
RETURN row.fromId AS fromId, row.toId AS toId, null AS role
