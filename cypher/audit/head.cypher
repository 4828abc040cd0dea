// The newest record of the trail (the seq constraint's index answers this without a scan).
MATCH (a:AuditEvent) WHERE a.seq IS NOT NULL
RETURN a.seq AS seq, a.hash AS hash
ORDER BY a.seq DESC
LIMIT 1
