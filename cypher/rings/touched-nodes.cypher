// The internal node ids of the entities the change feed names, those that still exist.
UNWIND $ids AS entityId
MATCH (e:Entity {id: entityId})
RETURN collect(id(e)) AS nodes
