// People with the facts that scoring needs; id(p) keys the narrow edge rows below.
MATCH (p:Person)
CALL (p) {
  OPTIONAL MATCH (p)-[r:INVOLVED_IN]->(c:Case)
  RETURN collect(DISTINCT r.role) AS roles,
         collect(DISTINCT CASE WHEN c.status <> 'CLOSED' THEN {caseId: c.id, status: c.status} END) AS openCases
}
RETURN id(p) AS node, p.id AS id, p.fullName AS label, p.dateOfBirth AS dateOfBirth, roles, openCases
