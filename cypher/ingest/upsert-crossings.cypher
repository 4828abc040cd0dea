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
// A crossing is made by one person at one checkpoint: a record sent again with either corrected
// moves the crossing there, rather than leaving it at two checkpoints or with two travellers.
WITH c, row, s, cp, COUNT { (c)-[:AT]->(x) WHERE x <> cp } > 0 AS movedPlace
CALL (c, cp) {
  MATCH (c)-[old:AT]->(other)
  WHERE other <> cp
  DELETE old
}
MERGE (c)-[:AT]->(cp)
WITH c, row, s, movedPlace
MATCH (person:Entity {id: row.personId})
WITH c, row, s, person, movedPlace OR COUNT { (x)-[:MADE]->(c) WHERE x <> person } > 0 AS moved
CALL (c, person) {
  MATCH (other)-[old:MADE]->(c)
  WHERE other <> person
  DELETE old
}
MERGE (person)-[:MADE]->(c)
// created: the agency record is new, or a correction moved the crossing to another checkpoint or
// traveller; a crossing sent again unchanged is no news for the change feed.
RETURN row.key AS key, c.id AS id, s.firstSeen = $now OR moved AS created
