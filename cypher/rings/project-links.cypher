// Direct evidence between people, phones and brokers whose source node id is in [$from, $to),
// one record per bucket of source ids holding their relationships as parallel lists of
// integers. A record per relationship cost Neo4j and the driver several microseconds each, the
// larger part of the projection's time on a city of millions of ties; lists collected over the
// whole city at once lived in Neo4j's heap until the end, and the collector's long pauses
// held up every other query, /health's ping included. So the city is read one range of ids at
// a time. `kind` indexes LINK_TYPES in read-projection.ts.
CALL () {
  MATCH (a:Person)-[r:USES_PHONE|RECRUITED_BY|OPERATES|KNOWS|RELATIVE_OF]->(b)
  WHERE id(a) >= $from AND id(a) < $to
  RETURN a, r, b
  UNION ALL
  MATCH (a:Broker)-[r:USES_PHONE|RECRUITED_BY|OPERATES|KNOWS|RELATIVE_OF]->(b)
  WHERE id(a) >= $from AND id(a) < $to
  RETURN a, r, b
  UNION ALL
  MATCH (a:Phone)-[r:CALLED]->(b)
  WHERE id(a) >= $from AND id(a) < $to
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
