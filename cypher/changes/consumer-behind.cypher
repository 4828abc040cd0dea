// Whether the feed holds records after a consumer's position: two reads of one node each, so
// that an idle consumer takes no write lock.
OPTIONAL MATCH (head:ChangeFeedHead {id: 'feed'})
OPTIONAL MATCH (c:ChangeConsumer {name: $name})
RETURN coalesce(head.seq, 0) > coalesce(c.position, 0) AS behind
