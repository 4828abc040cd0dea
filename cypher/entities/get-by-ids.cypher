UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (s:SourceRecord)-[:RECORDS]->(e)
WITH e, collect(s {.source, .externalId, .firstSeen, .lastSeen}) AS sources
RETURN e {.*} AS props, labels(e) AS labels, sources
