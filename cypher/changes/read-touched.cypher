// The feed's records in (after, upTo], in seq order, with only what says which entities each
// write touched: no payload, which for an ingest holds the batch's new links once more.
MATCH (c:ChangeEvent)
WHERE c.seq > $after AND c.seq <= $upTo
RETURN c.seq AS seq, c.kind AS kind, c.batchId AS batchId, c.at AS at, c.entityIds AS entityIds
ORDER BY c.seq
LIMIT toInteger($limit)
