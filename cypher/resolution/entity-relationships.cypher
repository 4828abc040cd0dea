// An entity's relationships other than its agency records, with typed properties and the other end.
MATCH (e:Entity {id: $id})-[r]-(o)
WHERE type(r) <> 'RECORDS'
RETURN elementId(r) AS relId, type(r) AS type, startNode(r) = e AS outgoing, o.id AS otherId,
       labels(o) AS otherLabels,
       [k IN keys(r) | {key: k, type: valueType(r[k]), value: r[k]}] AS props
ORDER BY type, otherId, outgoing
