// Newest first, optionally only the records that touched one entity, below a seq cursor.
MATCH (a:AuditEvent)
WHERE a.seq IS NOT NULL AND ($beforeSeq IS NULL OR a.seq < $beforeSeq)
  AND ($entityId IS NULL OR $entityId IN a.entityIds)
RETURN a {.*} AS event
ORDER BY a.seq DESC
LIMIT toInteger($limit)
