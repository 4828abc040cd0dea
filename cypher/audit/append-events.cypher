// Appends records to the trail, in seq order. CREATE, never MERGE or SET: the seq
// constraint refuses a second record with the same number, and the writer then re-reads
// the head and retries the whole group.
UNWIND $events AS event
CREATE (a:AuditEvent)
SET a = event
