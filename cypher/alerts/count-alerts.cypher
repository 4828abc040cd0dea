MATCH (a:Alert)
WHERE ($statuses IS NULL OR a.status IN $statuses) AND ($rules IS NULL OR a.rule IN $rules)
RETURN count(a) AS total
