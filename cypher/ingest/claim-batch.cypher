// Taking the batch's key first serialises concurrent senders of one idempotency key: the
// second waits on the uniqueness lock, then finds the first one's report.
MERGE (b:IngestBatch {key: $key})
  ON CREATE SET b.createdAt = $now
RETURN b.report AS report
