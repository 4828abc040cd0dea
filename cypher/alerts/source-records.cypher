UNWIND $keys AS key
MATCH (s:SourceRecord {key: key})
RETURN s.key AS key, s.source AS source, s.externalId AS externalId, s.firstSeen AS firstSeen, s.lastSeen AS lastSeen
