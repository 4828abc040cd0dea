// Everyone who crossed at the same checkpoint in the same direction within the window of each
// given crossing (a minor's; the crossing itself included), with what the minor-exit rule weighs: age
// (birth date), whether they came back, whether the person is a member of a current ring not dismissed, or a suspect.
UNWIND $crossingIds AS crossingId
MATCH (c:BorderCrossing {id: crossingId})-[:AT]->(cp:Checkpoint)
MATCH (o:BorderCrossing)
WHERE o.atMillis >= c.atMillis - $windowMs AND o.atMillis <= c.atMillis + $windowMs AND o.direction = c.direction
MATCH (o)-[:AT]->(cp)
MATCH (p:Person)-[:MADE]->(o)
OPTIONAL MATCH (p)-[m:MEMBER_OF]->(r:Ring {current: true})
WHERE coalesce(r.status, '') <> 'DISMISSED'
WITH c, cp, o, p, collect(DISTINCT {ringId: r.id, role: m.role, score: r.score}) AS rings
RETURN c.id AS crossingId, cp.name AS checkpoint, cp.code AS checkpointCode, c.country AS country,
       collect({crossingId: o.id, personId: p.id, at: o.at, atMillis: o.atMillis, dateOfBirth: p.dateOfBirth,
                rings: [x IN rings WHERE x.ringId IS NOT NULL],
                suspect: EXISTS { (p)-[s:INVOLVED_IN]->(:Case) WHERE s.role = 'SUSPECT' },
                returned: EXISTS { (p)-[:MADE]->(e:BorderCrossing {direction: 'ENTRY'}) WHERE e.atMillis > o.atMillis }}) AS people
