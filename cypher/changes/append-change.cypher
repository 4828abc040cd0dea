// Appends one record to the change feed as the last statement of a writing transaction.
// Writing the head first takes its exclusive lock, held until this transaction commits, so
// the seq read after it is the latest committed one and the next writer waits for this
// commit: numbers are handed out in commit order, with no gap a reader could skip past.
// (The uniqueness constraint on the head's id makes the MERGE safe across processes.)
MERGE (head:ChangeFeedHead {id: 'feed'})
  ON CREATE SET head.seq = 0
SET head.lockedBy = $event.batchId
WITH head
SET head.seq = head.seq + 1
REMOVE head.lockedBy
CREATE (c:ChangeEvent)
SET c = $event, c.seq = head.seq, c.at = toString(datetime())
RETURN c.seq AS seq, c.at AS at
