// One involvement per entity and case; a later report of the same link updates the role.
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId})
MATCH (b:Entity {id: row.toId})
MERGE (a)-[r:INVOLVED_IN]->(b)
  ON CREATE SET r.firstSeen = $now, r.sources = []
WITH row, r, r.role AS before
SET r.lastSeen = $now, r.role = coalesce(row.role, r.role),
    r.sources = CASE WHEN row.source IN r.sources THEN r.sources ELSE r.sources + row.source END
// New facts only (a link first reported, or a changed role), for the change feed.
WITH row, r, before
WHERE r.firstSeen = $now OR coalesce(before, '') <> coalesce(r.role, '')
RETURN row.fromId AS fromId, row.toId AS toId, r.role AS role
