// Each person's part in each case, one narrow row per tie; caseNode groups the case's people
// into the case pairs (kept-evidence-graph.ts), the case's status says whether it is open.
MATCH (p:Person)-[r:INVOLVED_IN]->(c:Case)
RETURN id(p) AS node, r.role AS role, c.id AS caseId, c.status AS status, id(c) AS caseNode
