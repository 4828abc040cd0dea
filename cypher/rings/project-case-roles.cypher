// Each person's part in each case, one narrow row per tie.
MATCH (p:Person)-[r:INVOLVED_IN]->(c:Case)
RETURN id(p) AS node, r.role AS role, c.id AS caseId, c.status AS status
