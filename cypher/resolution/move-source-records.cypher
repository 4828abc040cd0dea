// The agency records named move from one entity to another: their provenance now points at it.
MATCH (to:Entity {id: $toId})
UNWIND $keys AS key
MATCH (s:SourceRecord {key: key})-[r:RECORDS]->(:Entity {id: $fromId})
DELETE r
MERGE (s)-[:RECORDS]->(to)
RETURN count(*) AS moved
