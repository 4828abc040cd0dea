// The people among the touched nodes, with what project-people.cypher reads of each.
UNWIND $nodes AS node
MATCH (p:Person)
WHERE id(p) = node
RETURN id(p) AS node, p.id AS id, coalesce(p.fullName, '') AS label, p.dateOfBirth AS dateOfBirth,
       p.nameKey AS nameKey, coalesce(p.documentNumbers, []) AS documents
