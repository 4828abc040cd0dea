// The agency's own records of these entities: what an alert lists as the records that raised it.
UNWIND $ids AS id
MATCH (s:SourceRecord)-[:RECORDS]->(:Entity {id: id})
WHERE s.source = $source
RETURN DISTINCT s.key AS key
