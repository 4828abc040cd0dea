// Appends one record to the trail. CREATE, never MERGE or SET: the seq constraint refuses a
// second record with the same number, and the writer then re-reads the head and retries.
CREATE (a:AuditEvent)
SET a = $event
RETURN a.seq AS seq
