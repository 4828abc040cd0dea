MATCH (p:Person)-[:MADE]->(x:BorderCrossing)-[:AT]->(cp:Checkpoint)
RETURN id(p) AS person, id(cp) AS checkpoint, cp.name AS checkpointName, x.direction AS direction,
       x.atMillis AS at, x.country AS country
