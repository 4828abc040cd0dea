MATCH (r:Ring {id: $id})
OPTIONAL MATCH (e:Entity)-[m:MEMBER_OF]->(r)
WITH r, e, m ORDER BY e.id
RETURN r {.*} AS ring, collect({entityId: e.id, role: m.role}) AS members
