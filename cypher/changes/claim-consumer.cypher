// A consumer's stored position, locked until this transaction commits: two processes
// consuming under one name take turns, and neither handles a record the other has done.
MERGE (c:ChangeConsumer {name: $name})
  ON CREATE SET c.position = 0, c.createdAt = $now
SET c.claimedAt = $now
RETURN c.position AS position
