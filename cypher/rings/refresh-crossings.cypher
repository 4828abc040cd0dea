// The crossings made by the touched people, the touched crossings and those given in
// $crossings (the ones the kept graph held for the touched nodes), each with every person who
// made it, as project-crossings.cypher reads them.
CALL () {
  UNWIND $nodes AS node
  MATCH (p:Person)-[:MADE]->(x:BorderCrossing)
  WHERE id(p) = node
  RETURN x
  UNION
  UNWIND $nodes + $crossings AS node
  MATCH (x:BorderCrossing)
  WHERE id(x) = node
  RETURN x
}
MATCH (p:Person)-[:MADE]->(x)-[:AT]->(cp:Checkpoint)
RETURN id(x) AS crossing, id(p) AS person, id(cp) AS checkpoint, cp.name AS checkpointName,
       x.direction AS direction, x.atMillis AS at, x.country AS country
