// An entity's labels, its properties with their Cypher types (so integers come back as integers on
// restore) and the keys of the agency records it holds.
MATCH (e:Entity {id: $id})
RETURN labels(e) AS labels,
       [k IN keys(e) | {key: k, type: valueType(e[k]), value: e[k]}] AS props,
       COLLECT { MATCH (s:SourceRecord)-[:RECORDS]->(e) RETURN s.key ORDER BY s.key } AS sourceKeys
