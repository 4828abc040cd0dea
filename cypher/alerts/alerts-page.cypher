// Alerts newest first (by when they were last raised or updated), filtered by status and rule.
MATCH (a:Alert)
WHERE ($statuses IS NULL OR a.status IN $statuses) AND ($rules IS NULL OR a.rule IN $rules)
RETURN a {.*} AS alert
ORDER BY a.raisedAt DESC, a.id DESC
SKIP toInteger($skip)
LIMIT toInteger($limit)
