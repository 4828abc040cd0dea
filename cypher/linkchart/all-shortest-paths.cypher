// Every shortest path between two entities over all links, undirected, up to $maxLength
// relationships. The quantifier's bound is the largest maxLength the API accepts (10);
// Cypher takes no parameter there.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a)-[:USES_PHONE|CALLED|RECRUITED_BY|KNOWS|RELATIVE_OF|INVOLVED_IN|OPERATES|MADE|AT]-{1,10}(b)
WHERE length(p) <= $maxLength
RETURN [n IN nodes(p) | n.id] AS nodeIds,
  [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r), count: r.count}] AS links
LIMIT toInteger($limit)
