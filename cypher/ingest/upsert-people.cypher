// Upsert by the agency's record key; an entity that record was merged into keeps its id.
UNWIND $rows AS row
MERGE (s:SourceRecord {key: row.key})
  ON CREATE SET s.kind = 'PERSON', s.source = row.source, s.externalId = row.externalId, s.firstSeen = $now
SET s.lastSeen = $now
WITH s, row
OPTIONAL MATCH (s)-[:RECORDS]->(known:Person)
MERGE (e:Person:Entity {id: coalesce(known.id, row.id)})
  ON CREATE SET e.createdAt = $now
SET e += row.props, e.updatedAt = $now
MERGE (s)-[:RECORDS]->(e)
RETURN row.key AS key, e.id AS id
