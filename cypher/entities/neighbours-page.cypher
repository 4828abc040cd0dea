// One page of an entity's neighbours over the given relationship types, in a stable order.
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[r]->(n:Entity) WHERE $direction <> 'IN' AND type(r) IN $types
  RETURN r, n
  UNION
  MATCH (e)<-[r]-(n:Entity) WHERE $direction <> 'OUT' AND type(r) IN $types
  RETURN r, n
}
WITH r, n, startNode(r) = e AS outgoing
ORDER BY n.id
SKIP toInteger($skip) LIMIT toInteger($limit)
RETURN n.id AS id, r {.*, type: type(r)} AS link, outgoing
