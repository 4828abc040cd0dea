// The current rings, not dismissed, that these entities are members of.
UNWIND $ids AS id
MATCH (e:Entity {id: id})-[m:MEMBER_OF]->(r:Ring {current: true})
WHERE coalesce(r.status, '') <> 'DISMISSED'
RETURN id, r.id AS ringId, r.score AS score, m.role AS role
