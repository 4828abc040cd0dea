// An analyst's verdict on a ring (status null: open), with its reason, and its line in the ring's
// triage history, in one statement. The ring keeps both when a later run carries it over: it is
// the same node.
MATCH (r:Ring {id: $id})
SET r.status = $status, r.statusNote = $note, r.statusReason = $reason, r.statusBy = $by, r.statusAt = $at
CREATE (r)-[:HAS_TRIAGE]->(:RingTriageEvent {
  id: $eventId, at: $at, by: $by, action: $action, status: coalesce($status, 'OPEN'), assignee: r.assignee,
  reason: $reason, note: $note
})
RETURN r {.*} AS ring
