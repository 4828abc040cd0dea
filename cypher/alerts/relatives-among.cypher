// The pairs among these people that are relatives.
UNWIND $pairs AS pair
MATCH (a:Person {id: pair[0]})-[:RELATIVE_OF]-(b:Person {id: pair[1]})
RETURN DISTINCT pair[0] AS a, pair[1] AS b
