MATCH (r:Ring {current: true})
WHERE r.score >= $minScore AND r.personCount >= $minSize AND (r.status IS NULL OR NOT r.status IN $hiddenStatuses)
RETURN r {.*} AS ring
ORDER BY r.score DESC, r.id
SKIP toInteger($skip) LIMIT toInteger($limit)
