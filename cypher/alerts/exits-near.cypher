// The crossings at the same checkpoint, in the same direction, within the window of each given
// crossing (the crossing itself included), with the traveller's birth date: where the minor-exit
// rule looks for the minors that a new record concerns. Light rows, once per crossing.
UNWIND $crossingIds AS crossingId
MATCH (c:BorderCrossing {id: crossingId})-[:AT]->(cp:Checkpoint)
MATCH (o:BorderCrossing)
WHERE o.atMillis >= c.atMillis - $windowMs AND o.atMillis <= c.atMillis + $windowMs AND o.direction = c.direction
MATCH (o)-[:AT]->(cp)
MATCH (p:Person)-[:MADE]->(o)
RETURN DISTINCT o.id AS crossingId, o.at AS at, p.dateOfBirth AS dateOfBirth
