// Creates a consumer at the feed's head unless it exists, and returns its position: a consumer
// begins with what is written once it has started, not with the feed's history. Under the
// uniqueness constraint on the name, instances that start at once create it only once.
OPTIONAL MATCH (head:ChangeFeedHead {id: 'feed'})
WITH coalesce(head.seq, 0) AS seq
MERGE (c:ChangeConsumer {name: $name})
  ON CREATE SET c.position = seq, c.createdAt = $now
RETURN c.position AS position
