// The rings of the latest run, with their members' roles and analysts' verdicts, for the next
// run to carry over (and to write only what changed in the members of a ring that continues).
MATCH (r:Ring {current: true})
OPTIONAL MATCH (e:Entity)-[m:MEMBER_OF]->(r)
RETURN r.id AS id, collect(e.id) AS memberEntityIds, collect(m.role) AS memberRoles, r.status AS status,
       r.statusNote AS statusNote, r.score AS score
