// Deletes an entity's relationships, each found by type, other end and direction.
MATCH (e:Entity {id: $id})
UNWIND $rows AS row
MATCH (e)-[r]-(o)
WHERE type(r) = row.type AND o.id = row.otherId AND (startNode(r) = e) = row.outgoing
DELETE r
RETURN count(*) AS deleted
