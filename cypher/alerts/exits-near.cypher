// The crossings at the same checkpoint, in the same direction, within the window of each given
// crossing (the crossing itself included), with the traveller's birth date: where the minor-exit
// rule looks for the minors that a new record concerns. Light rows, once per crossing.
// The window is read from the crossing-time index (hinted): without it the planner walked every
// crossing ever made at the checkpoint, for each given one.
UNWIND $crossingIds AS crossingId
MATCH (c:Entity {id: crossingId})-[:AT]->(cp:Checkpoint)
WHERE c:BorderCrossing
WITH cp, c.direction AS direction, c.atMillis - $windowMs AS earliest, c.atMillis + $windowMs AS latest
MATCH (o:BorderCrossing)
USING INDEX o:BorderCrossing(atMillis)
WHERE o.atMillis >= earliest AND o.atMillis <= latest
MATCH (o)-[:AT]->(cp)
WHERE o.direction = direction
MATCH (p:Person)-[:MADE]->(o)
RETURN DISTINCT o.id AS crossingId, o.at AS at, p.dateOfBirth AS dateOfBirth
