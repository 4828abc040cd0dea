// Which of these ids are entities the service knows: a chart is saved only of those.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id
