// The entities that a batch's links and crossings name from earlier batches, by the key of
// the agency record that brought them.
UNWIND $keys AS key
MATCH (:SourceRecord {key: key})-[:RECORDS]->(e:Entity)
RETURN key, e.id AS id, e.dateOfBirth AS dateOfBirth
