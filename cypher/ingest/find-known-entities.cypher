// The entities that a batch's links and crossings name from earlier batches.
UNWIND $refs AS ref
CALL (ref) {
  WITH ref WHERE ref.e164 IS NOT NULL
  MATCH (e:Phone {e164: ref.e164})
  RETURN e
  UNION
  WITH ref WHERE ref.e164 IS NULL
  MATCH (:SourceRecord {key: ref.key})-[:RECORDS]->(e:Entity)
  RETURN e
}
RETURN ref.key AS key, e.id AS id, e.dateOfBirth AS dateOfBirth
