// Rings by id with their members, for a page of rings in one statement (members and the link chart of each).
UNWIND $ids AS id
MATCH (r:Ring {id: id})
OPTIONAL MATCH (e:Entity)-[m:MEMBER_OF]->(r)
WITH r, e, m ORDER BY e.id
RETURN r {.*} AS ring, collect({entityId: e.id, role: m.role}) AS members
