// The links among a ring's members: what an analyst checks before confirming it.
MATCH (r:Ring {id: $id})<-[:MEMBER_OF]-(a:Entity)
MATCH (a)-[l]->(b:Entity)-[:MEMBER_OF]->(r)
RETURN a.id AS source, b.id AS target, type(l) AS type, coalesce(l.count, 1) AS weight, l.sources AS sources
ORDER BY source, target, type
LIMIT 2000
