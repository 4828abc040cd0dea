// People under 16 (born after $minorBornAfter), case victims and rings' victims whose latest
// crossing is an exit older than the cutoff and that have no NO_RETURN alert for that exit yet.
MATCH (p:Person)
WHERE p.dateOfBirth > $minorBornAfter
   OR EXISTS { (p)-[r:INVOLVED_IN]->(:Case) WHERE r.role IN ['VICTIM', 'SUSPECTED_VICTIM'] }
   OR EXISTS { (p)-[m:MEMBER_OF]->(:Ring {current: true}) WHERE m.role = 'victim' }
MATCH (p)-[:MADE]->(x:BorderCrossing)
WITH p, x ORDER BY x.atMillis DESC
WITH p, collect(x)[0] AS last
WHERE last.direction = 'EXIT' AND last.atMillis <= $cutoffMillis
  AND NOT EXISTS { MATCH (:Alert {dedupeKey: 'NO_RETURN|' + last.id}) }
MATCH (last)-[:AT]->(cp:Checkpoint)
MATCH (s:SourceRecord)-[:RECORDS]->(last)
RETURN p.id AS personId, last.id AS crossingId, last.at AS at, last.atMillis AS atMillis, cp.name AS checkpoint,
       collect(s.key) AS recordKeys
LIMIT toInteger($limit)
