// Every link that project-links.cypher reads with an end among the touched nodes, once each
// (a link between two touched nodes is found from both). `kind` indexes LINK_TYPES in
// read-projection.ts.
UNWIND $nodes AS node
MATCH (x)
WHERE id(x) = node
MATCH (x)-[r:USES_PHONE|RECRUITED_BY|OPERATES|KNOWS|RELATIVE_OF|CALLED]-()
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
WHERE CASE type(r) WHEN 'CALLED' THEN a:Phone ELSE a:Person OR a:Broker END
RETURN id(a) AS source, id(b) AS target, coalesce(r.count, 1) AS count,
       CASE type(r)
         WHEN 'USES_PHONE' THEN 0
         WHEN 'CALLED' THEN 1
         WHEN 'RECRUITED_BY' THEN 2
         WHEN 'OPERATES' THEN 3
         WHEN 'KNOWS' THEN 4
         WHEN 'RELATIVE_OF' THEN 5
       END AS kind
