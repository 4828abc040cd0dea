// Up to 30 shortest paths between two entities (of increasing length), undirected, up to
// $maxLength relationships; asked when the shortest ones are fewer than wanted. Cypher 5
// takes no parameter for SHORTEST k: 30 leaves room for the caller to drop paths that
// repeat another's entities (calls both ways between two phones) and still find 20.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 30 (a)-[:USES_PHONE|CALLED|RECRUITED_BY|KNOWS|RELATIVE_OF|INVOLVED_IN|OPERATES|MADE|AT]-{1,10}(b)
WHERE length(p) <= $maxLength
WITH p ORDER BY length(p)
LIMIT toInteger($limit)
RETURN [n IN nodes(p) | n.id] AS nodeIds,
  [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r), count: r.count}] AS links
