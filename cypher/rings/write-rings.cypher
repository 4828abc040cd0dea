// This run's rings made current. A ring that continues an earlier one keeps its id and node;
// members are written by stage-rings and write-members (new rings, beforehand) and by
// remove-members and write-members (the changes of continuing rings, in this transaction).
MATCH (run:DetectionRun {id: $runId})
UNWIND $rings AS ring
MERGE (r:Ring {id: ring.id})
  ON CREATE SET r.firstDetectedAt = run.startedAt
SET r += ring.props, r.current = true, r.runId = $runId, r.detectedAt = run.startedAt
MERGE (r)-[:FOUND_IN]->(run)
