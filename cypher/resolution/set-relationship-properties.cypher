// Replaces the properties of an entity's relationships, each found by type, other end and direction.
MATCH (e:Entity {id: $id})
UNWIND $rows AS row
MATCH (e)-[r]-(o)
WHERE type(r) = row.type AND o.id = row.otherId AND (startNode(r) = e) = row.outgoing
SET r = {}
FOREACH (p IN row.props |
  SET r[p.key] = CASE
    WHEN p.type STARTS WITH 'INTEGER' THEN toInteger(p.value)
    WHEN p.type STARTS WITH 'LIST<INTEGER' THEN [x IN p.value | toInteger(x)]
    ELSE p.value
  END)
RETURN count(r) AS updated
