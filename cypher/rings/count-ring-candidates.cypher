MATCH (r:Ring {current: true})
WHERE r.score >= $minScore AND r.personCount >= $minSize
  AND (r.status IS NULL OR NOT r.status IN $hiddenStatuses)
  AND ($statuses IS NULL OR coalesce(r.status, 'OPEN') IN $statuses)
  AND (($assignee IS NULL AND NOT $unassigned) OR r.assignee = $assignee OR ($unassigned AND r.assignee IS NULL))
RETURN count(r) AS total
