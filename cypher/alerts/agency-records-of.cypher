// The agency's own records of each of these entities, by entity: the records that raised the
// alerts of one evaluation step, read in one statement.
UNWIND $ids AS id
MATCH (s:SourceRecord)-[:RECORDS]->(:Entity {id: id})
WHERE s.source = $source
RETURN id, collect(DISTINCT s.key) AS keys
