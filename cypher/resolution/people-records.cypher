// Each person entity with the agency records it holds, as "source|externalId" (for evaluation).
MATCH (s:SourceRecord)-[:RECORDS]->(p:Person)
RETURN p.id AS id, collect(s.source + '|' + s.externalId) AS records
