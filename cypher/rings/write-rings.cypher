// A ring that continues an earlier one keeps its id: its node is reused, and write-members and
// remove-members change only the members that changed. Any other ring whose node exists (an
// older, retired ring of the same members) has its members replaced.
MATCH (run:DetectionRun {id: $runId})
UNWIND $rings AS ring
MERGE (r:Ring {id: ring.id})
  ON CREATE SET r.firstDetectedAt = run.startedAt
SET r += ring.props, r.current = true, r.runId = $runId, r.detectedAt = run.startedAt
MERGE (r)-[:FOUND_IN]->(run)
WITH r, ring
WHERE NOT ring.continuesCurrent
OPTIONAL MATCH ()-[m:MEMBER_OF]->(r)
DELETE m
