// Everyone who crossed at the same checkpoint in the same direction within the window of each
// given crossing (a minor's; the crossing itself included), with what the minor-exit rule weighs: age
// (birth date), whether they came back, whether the person is a member of a current ring not dismissed, or a suspect.
// The window is read from the crossing-time index, as in exits-near.
UNWIND $crossingIds AS crossingId
MATCH (c:Entity {id: crossingId})-[:AT]->(cp:Checkpoint)
WHERE c:BorderCrossing
WITH c, cp, c.atMillis - $windowMs AS earliest, c.atMillis + $windowMs AS latest
MATCH (o:BorderCrossing)
USING INDEX o:BorderCrossing(atMillis)
WHERE o.atMillis >= earliest AND o.atMillis <= latest
MATCH (o)-[:AT]->(cp)
WHERE o.direction = c.direction
MATCH (p:Person)-[:MADE]->(o)
OPTIONAL MATCH (p)-[m:MEMBER_OF]->(r:Ring {current: true})
WHERE coalesce(r.status, '') <> 'DISMISSED'
WITH c, cp, o, p, collect(DISTINCT {ringId: r.id, role: m.role, score: r.score}) AS rings
RETURN c.id AS crossingId, cp.name AS checkpoint, cp.code AS checkpointCode, c.country AS country,
       collect({crossingId: o.id, personId: p.id, at: o.at, atMillis: o.atMillis, dateOfBirth: p.dateOfBirth,
                rings: [x IN rings WHERE x.ringId IS NOT NULL],
                suspect: EXISTS { (p)-[s:INVOLVED_IN]->(:Case) WHERE s.role = 'SUSPECT' },
                returned: EXISTS { (p)-[:MADE]->(e:BorderCrossing {direction: 'ENTRY'}) WHERE e.atMillis > o.atMillis }}) AS people
