// Direct evidence between people, phones and brokers. One record per bucket of source nodes,
// holding the bucket's relationships as parallel lists of integers: a record per relationship
// cost both Neo4j and the driver several microseconds each, most of the projection's time on
// a city of millions of ties. `kind` indexes LINK_TYPES in read-projection.ts.
CALL () {
  MATCH (a:Person)-[r:USES_PHONE|RECRUITED_BY|OPERATES|KNOWS|RELATIVE_OF]->(b)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Broker)-[r:USES_PHONE|RECRUITED_BY|OPERATES|KNOWS|RELATIVE_OF]->(b)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Phone)-[r:CALLED]->(b)
  RETURN a, r, b
}
WITH id(a) / toInteger($bucketSize) AS bucket, id(a) AS source, id(b) AS target, coalesce(r.count, 1) AS count,
     CASE type(r)
       WHEN 'USES_PHONE' THEN 0
       WHEN 'CALLED' THEN 1
       WHEN 'RECRUITED_BY' THEN 2
       WHEN 'OPERATES' THEN 3
       WHEN 'KNOWS' THEN 4
       WHEN 'RELATIVE_OF' THEN 5
     END AS kind
RETURN bucket, collect(source) AS sources, collect(target) AS targets, collect(kind) AS kinds, collect(count) AS counts
