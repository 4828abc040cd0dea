// Deletes up to $limit of the feed's oldest records that every consumer has passed and that
// were written before $cutoff. Writing the pruner node first takes its lock, so instances
// pruning at once take turns and each reads what the other deleted; writers never wait for it
// (they lock the head, not this node). With no consumer at all, nobody will read the records:
// the head is the bound. Records are taken in seq order, so each step reads at most $limit.
MERGE (p:ChangeFeedPruner {id: 'feed'})
SET p.prunedAt = $now
WITH p
OPTIONAL MATCH (head:ChangeFeedHead {id: 'feed'})
OPTIONAL MATCH (c:ChangeConsumer)
WITH coalesce(min(c.position), max(head.seq), 0) AS passed
MATCH (e:ChangeEvent)
WHERE e.seq <= passed
WITH e
ORDER BY e.seq
LIMIT toInteger($limit)
WITH collect(e) AS oldest
WITH oldest, size(oldest) AS scanned
UNWIND [e IN oldest WHERE e.at < $cutoff] AS e
DETACH DELETE e
RETURN scanned, count(e) AS deleted
