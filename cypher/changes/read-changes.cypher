// The feed after a position, in seq order (the seq constraint's index answers it).
MATCH (c:ChangeEvent)
WHERE c.seq > $after
RETURN c {.*} AS change
ORDER BY c.seq
LIMIT toInteger($limit)
