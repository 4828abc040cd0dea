// Every tie of a person to a case with an end among the touched nodes (a touched person's
// cases, a touched case's people), once each, as project-case-roles.cypher reads them.
UNWIND $nodes AS node
MATCH (x)
WHERE id(x) = node
MATCH (x)-[r:INVOLVED_IN]-()
WITH DISTINCT r
WITH r, startNode(r) AS p, endNode(r) AS c
WHERE p:Person AND c:Case
RETURN id(p) AS node, r.role AS role, c.id AS caseId, c.status AS status, id(c) AS caseNode
