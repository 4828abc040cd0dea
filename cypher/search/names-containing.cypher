// People and brokers whose folded name contains the folded query anywhere (text indexes).
CALL () {
  MATCH (p:Person) WHERE p.foldedName CONTAINS $folded
  RETURN p AS e LIMIT toInteger($limit)
  UNION
  MATCH (b:Broker) WHERE b.foldedName CONTAINS $folded
  RETURN b AS e LIMIT toInteger($limit)
}
RETURN e.id AS id, e.foldedName AS foldedName
