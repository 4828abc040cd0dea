// Upsert by the agency's record key; an entity that record was merged into keeps its id.
UNWIND $rows AS row
MERGE (s:SourceRecord {key: row.key})
  ON CREATE SET s.kind = '{{kind}}', s.source = row.source, s.externalId = row.externalId, s.firstSeen = $now
SET s.lastSeen = $now
WITH s, row
OPTIONAL MATCH (s)-[:RECORDS]->(known:{{label}})
MERGE (e:{{label}}:Entity {id: coalesce(known.id, row.id)})
  ON CREATE SET e.createdAt = $now
// A record that was merged into another entity changes nothing there: the kept entity's
// values win (entity resolution); the record itself is still marked as seen.
SET e += CASE WHEN e.id = row.id THEN row.props ELSE {} END, e.updatedAt = $now
MERGE (s)-[:RECORDS]->(e)
RETURN row.key AS key, e.id AS id
