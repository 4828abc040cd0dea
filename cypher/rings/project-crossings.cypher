// Every crossing as each person made it; `crossing` keys the row, so that a run after a change
// reads again only the crossings of the people and crossings it touched.
MATCH (p:Person)-[:MADE]->(x:BorderCrossing)-[:AT]->(cp:Checkpoint)
RETURN id(x) AS crossing, id(p) AS person, id(cp) AS checkpoint, cp.name AS checkpointName,
       x.direction AS direction, x.atMillis AS at, x.country AS country
