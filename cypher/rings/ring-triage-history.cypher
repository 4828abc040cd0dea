// The triage history of several rings, oldest first.
UNWIND $ids AS ringId
MATCH (:Ring {id: ringId})-[:HAS_TRIAGE]->(e:RingTriageEvent)
WITH ringId, e ORDER BY e.at, e.id
RETURN ringId, collect(e {.*}) AS events
