// A phone is one node per E.164 number, whoever reports it; each agency's report is a source record.
UNWIND $rows AS row
MERGE (p:Phone:Entity {e164: row.e164})
  ON CREATE SET p.id = row.id, p.createdAt = $now
MERGE (s:SourceRecord {key: row.key})
  ON CREATE SET s.kind = 'PHONE', s.source = row.source, s.externalId = row.e164, s.firstSeen = $now
SET s.lastSeen = $now
MERGE (s)-[:RECORDS]->(p)
RETURN row.ref AS key, p.id AS id
