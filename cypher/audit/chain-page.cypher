// Records in chain order after a given seq, for verification.
MATCH (a:AuditEvent) WHERE a.seq > $afterSeq
RETURN a {.*} AS event
ORDER BY a.seq
LIMIT toInteger($limit)
