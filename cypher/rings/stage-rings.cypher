// The nodes of this run's rings that do not continue a current ring, emptied of any members
// (a retired ring of the same members is reused), ahead of the run's own transaction. They
// stay out of sight, not current, until that transaction makes them so.
UNWIND $rings AS ring
MERGE (r:Ring {id: ring.id})
  ON CREATE SET r.firstDetectedAt = $startedAt, r.current = false
WITH r
OPTIONAL MATCH ()-[m:MEMBER_OF]->(r)
DELETE m
