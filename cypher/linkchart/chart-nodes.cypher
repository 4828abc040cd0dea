// What a chart shows of each entity: its properties for the label and its current ring.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {.id, .fullName, .e164, .name, .caseNumber, .title, .direction, .country, .at} AS props, labels(e) AS labels,
  COLLECT { MATCH (e)-[:MEMBER_OF]->(ring:Ring) WHERE ring.current = true RETURN ring.id ORDER BY ring.id }[0] AS ringId
