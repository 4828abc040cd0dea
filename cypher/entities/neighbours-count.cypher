MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[r]->(n:Entity) WHERE $direction <> 'IN' AND type(r) IN $types
  RETURN r
  UNION
  MATCH (e)<-[r]-(n:Entity) WHERE $direction <> 'OUT' AND type(r) IN $types
  RETURN r
}
RETURN count(r) AS total
