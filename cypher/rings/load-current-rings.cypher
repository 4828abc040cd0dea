// The rings of the latest run, with analysts' verdicts, for the next run to carry over.
MATCH (r:Ring {current: true})
OPTIONAL MATCH (e:Entity)-[:MEMBER_OF]->(r)
RETURN r.id AS id, collect(e.id) AS memberEntityIds, r.status AS status, r.statusNote AS statusNote
