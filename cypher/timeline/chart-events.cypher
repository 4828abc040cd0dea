// The dated facts of a chart's entities ($ids), for the workspace's timeline, earliest first:
// the border crossings of its people (and the crossings it shows), each with its checkpoint and,
// for an exit, whether the same person entered again later at any checkpoint; the first and last
// calls between two of its phones; its recruitments that carry a date, between two of its
// entities; the openings of its cases. Facts outside [$fromMillis, $toMillis] (either may be
// null) are left out, and at most $limit are returned. Each part finds its entities by the
// unique index on Entity.id (a label's own {id} lookup has no index and scans the label).
CALL () {
  UNWIND $ids AS id
  MATCH (e:Entity {id: id})
  WHERE e:Person OR e:BorderCrossing
  OPTIONAL MATCH (e)-[:MADE]->(made:BorderCrossing)
  WITH collect(DISTINCT made) + collect(DISTINCT CASE WHEN e:BorderCrossing THEN e END) AS crossings
  UNWIND crossings AS c
  WITH DISTINCT c
  WHERE ($fromMillis IS NULL OR c.atMillis >= $fromMillis) AND ($toMillis IS NULL OR c.atMillis <= $toMillis)
  MATCH (p:Person)-[:MADE]->(c)-[:AT]->(cp:Checkpoint)
  RETURN c.id AS id, 'CROSSING_' + c.direction AS kind, c.at AS at, c.atMillis AS atMillis,
    [p.id, c.id, cp.id] AS entityIds, cp.id AS checkpointId, c.country AS country,
    CASE WHEN c.direction = 'EXIT' THEN EXISTS {
      MATCH (p)-[:MADE]->(back:BorderCrossing {direction: 'ENTRY'}) WHERE back.atMillis > c.atMillis
    } END AS returned
  UNION ALL
  UNWIND $ids AS id
  MATCH (a:Entity {id: id})-[r:CALLED]->(b:Phone)
  WHERE a:Phone AND b.id IN $ids AND r.lastAtMillis IS NOT NULL
  UNWIND CASE WHEN r.firstAtMillis IS NULL OR r.firstAtMillis = r.lastAtMillis
    THEN [{kind: 'LAST_CALL', at: r.lastAt, atMillis: r.lastAtMillis}]
    ELSE [{kind: 'FIRST_CALL', at: r.firstAt, atMillis: r.firstAtMillis}, {kind: 'LAST_CALL', at: r.lastAt, atMillis: r.lastAtMillis}]
  END AS call
  WITH a, b, call
  WHERE ($fromMillis IS NULL OR call.atMillis >= $fromMillis) AND ($toMillis IS NULL OR call.atMillis <= $toMillis)
  RETURN a.id + '-CALLED-' + b.id + ':' + call.kind AS id, call.kind AS kind, call.at AS at, call.atMillis AS atMillis,
    [a.id, b.id] AS entityIds, null AS checkpointId, null AS country, null AS returned
  UNION ALL
  UNWIND $ids AS id
  MATCH (a:Entity {id: id})-[r:RECRUITED_BY]->(b:Entity)
  WHERE a:Person AND b.id IN $ids AND r.atMillis IS NOT NULL
    AND ($fromMillis IS NULL OR r.atMillis >= $fromMillis) AND ($toMillis IS NULL OR r.atMillis <= $toMillis)
  RETURN a.id + '-RECRUITED_BY-' + b.id AS id, 'RECRUITMENT' AS kind, r.at AS at, r.atMillis AS atMillis,
    [a.id, b.id] AS entityIds, null AS checkpointId, null AS country, null AS returned
  UNION ALL
  UNWIND $ids AS id
  MATCH (k:Entity {id: id})
  WHERE k:Case
  WITH k, datetime({date: date(k.openedAt), timezone: 'Z'}) AS opened
  WHERE ($fromMillis IS NULL OR opened.epochMillis >= $fromMillis) AND ($toMillis IS NULL OR opened.epochMillis <= $toMillis)
  RETURN k.id + ':CASE_OPENED' AS id, 'CASE_OPENED' AS kind, toString(opened) AS at, opened.epochMillis AS atMillis,
    [k.id] AS entityIds, null AS checkpointId, null AS country, null AS returned
}
RETURN id, kind, at, atMillis, entityIds, checkpointId, country, returned
ORDER BY atMillis, id
LIMIT toInteger($limit)
