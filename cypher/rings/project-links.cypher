// Direct evidence between people, phones and brokers, one narrow row per relationship.
MATCH (a)-[r:USES_PHONE|CALLED|RECRUITED_BY|OPERATES|KNOWS|RELATIVE_OF]->(b)
RETURN id(a) AS source, id(b) AS target, type(r) AS type, coalesce(r.count, 1) AS count
