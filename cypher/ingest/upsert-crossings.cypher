UNWIND $rows AS row
MERGE (cp:Checkpoint:Entity {id: row.checkpoint.id})
  ON CREATE SET cp.name = row.checkpoint.name, cp.code = row.checkpoint.code, cp.country = row.checkpoint.country
MERGE (s:SourceRecord {key: row.key})
  ON CREATE SET s.kind = 'BORDER_CROSSING', s.source = row.source, s.externalId = row.externalId, s.firstSeen = $now
SET s.lastSeen = $now
WITH s, row, cp
OPTIONAL MATCH (s)-[:RECORDS]->(known:BorderCrossing)
MERGE (c:BorderCrossing:Entity {id: coalesce(known.id, row.id)})
  ON CREATE SET c.createdAt = $now
SET c += row.props, c.atMillis = toInteger(row.props.atMillis), c.updatedAt = $now
MERGE (s)-[:RECORDS]->(c)
MERGE (c)-[:AT]->(cp)
WITH c, row, s
MATCH (person:Entity {id: row.personId})
MERGE (person)-[:MADE]->(c)
// created: the agency record is new (a re-sent crossing is no news for the change feed).
RETURN row.key AS key, c.id AS id, s.firstSeen = $now AS created
