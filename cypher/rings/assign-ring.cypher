// Who works on a ring (null: nobody), and its line in the ring's triage history.
MATCH (r:Ring {id: $id})
SET r.assignee = $assignee, r.assignedBy = $by, r.assignedAt = $at
CREATE (r)-[:HAS_TRIAGE]->(:RingTriageEvent {
  id: $eventId, at: $at, by: $by, action: 'ASSIGNED', status: coalesce(r.status, 'OPEN'), assignee: $assignee
})
RETURN r {.*} AS ring
