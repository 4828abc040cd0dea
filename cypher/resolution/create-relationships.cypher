// Creates relationships of an entity with typed properties; the other end is an entity or a ring.
MATCH (e:Entity {id: $id})
UNWIND $rows AS row
OPTIONAL MATCH (entity:Entity {id: row.otherId})
OPTIONAL MATCH (ring:Ring {id: row.otherId})
WITH e, row, coalesce(entity, ring) AS o
WHERE o IS NOT NULL
CALL (e, o, row) {
  WITH e, o, row
  WHERE row.outgoing
  CREATE (e)-[r:$(row.type)]->(o)
  FOREACH (p IN row.props |
    SET r[p.key] = CASE
      WHEN p.type STARTS WITH 'INTEGER' THEN toInteger(p.value)
      WHEN p.type STARTS WITH 'LIST<INTEGER' THEN [x IN p.value | toInteger(x)]
      ELSE p.value
    END)
}
CALL (e, o, row) {
  WITH e, o, row
  WHERE NOT row.outgoing
  CREATE (o)-[r:$(row.type)]->(e)
  FOREACH (p IN row.props |
    SET r[p.key] = CASE
      WHEN p.type STARTS WITH 'INTEGER' THEN toInteger(p.value)
      WHEN p.type STARTS WITH 'LIST<INTEGER' THEN [x IN p.value | toInteger(x)]
      ELSE p.value
    END)
}
RETURN count(*) AS created
