// A consumer's stored position, locked until this transaction commits: two processes
// consuming under one name take turns, and neither handles a record the other has done.
// A consumer missing here (removed while its process ran) begins again at the head, as a new
// one does, rather than at the feed's first record.
OPTIONAL MATCH (head:ChangeFeedHead {id: 'feed'})
WITH coalesce(head.seq, 0) AS seq
MERGE (c:ChangeConsumer {name: $name})
  ON CREATE SET c.position = seq, c.createdAt = $now
SET c.claimedAt = $now
RETURN c.position AS position
