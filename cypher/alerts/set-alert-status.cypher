// Triage: a closed alert leaves its ring's open slot, so a new finding raises a new alert.
MATCH (a:Alert {id: $id})
SET a.status = $status, a.assignee = $assignee, a.disposition = $disposition, a.updatedAt = $now,
    a.openRingKey = CASE WHEN $status = 'CLOSED' THEN null ELSE a.openRingKey END
RETURN a {.*} AS alert
