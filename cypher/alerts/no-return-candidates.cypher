// People under 16 (born after $minorBornAfter), case victims and rings' victims whose latest
// crossing is an exit older than the cutoff and that have no NO_RETURN alert for that exit yet.
// Each kind of person is found on its own, the minors by the birth-date index, so that the
// check reads the protected people rather than every person of the city.
CALL () {
  MATCH (p:Person)
  WHERE p.dateOfBirth > $minorBornAfter
  RETURN p
  UNION
  MATCH (p:Person)-[r:INVOLVED_IN]->(:Case)
  WHERE r.role IN ['VICTIM', 'SUSPECTED_VICTIM']
  RETURN p
  UNION
  MATCH (p:Person)-[m:MEMBER_OF]->(:Ring {current: true})
  WHERE m.role = 'victim'
  RETURN p
}
CALL (p) {
  MATCH (p)-[:MADE]->(x:BorderCrossing)
  RETURN x AS last
  ORDER BY x.atMillis DESC
  LIMIT 1
}
WITH p, last
WHERE last.direction = 'EXIT' AND last.atMillis <= $cutoffMillis
  AND NOT EXISTS { MATCH (:Alert {dedupeKey: 'NO_RETURN|' + last.id}) }
MATCH (last)-[:AT]->(cp:Checkpoint)
MATCH (s:SourceRecord)-[:RECORDS]->(last)
RETURN p.id AS personId, last.id AS crossingId, last.at AS at, last.atMillis AS atMillis, cp.name AS checkpoint,
       collect(s.key) AS recordKeys
LIMIT toInteger($limit)
