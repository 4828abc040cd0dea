// The phones among the touched nodes, as project-phones.cypher reads them.
UNWIND $nodes AS node
MATCH (ph:Phone)
WHERE id(ph) = node
RETURN id(ph) AS node, ph.id AS id, ph.e164 AS label
