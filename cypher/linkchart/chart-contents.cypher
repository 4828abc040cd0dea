// What a chart shows of each entity (its properties for the label and its current ring), with
// every link of the allowed types in the time window from it to another entity of the chart.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {.*} AS props, labels(e) AS labels,
  COLLECT { MATCH (e)-[:MEMBER_OF]->(ring:Ring) WHERE ring.current = true RETURN ring.id ORDER BY ring.id }[0] AS ringId,
  COLLECT {
    MATCH (e)-[r:USES_PHONE|CALLED|RECRUITED_BY|KNOWS|RELATIVE_OF|INVOLVED_IN|OPERATES|MADE|AT]->(b:Entity)
    WHERE b.id IN $ids AND type(r) IN $types AND (CASE type(r)
      WHEN 'MADE' THEN (($fromMillis IS NULL OR endNode(r).atMillis >= $fromMillis) AND ($toMillis IS NULL OR endNode(r).atMillis <= $toMillis))
      WHEN 'AT' THEN (($fromMillis IS NULL OR startNode(r).atMillis >= $fromMillis) AND ($toMillis IS NULL OR startNode(r).atMillis <= $toMillis))
      WHEN 'CALLED' THEN CASE WHEN r.lastAtMillis IS NULL
        THEN (($fromIso IS NULL OR r.lastSeen >= $fromIso) AND ($toIso IS NULL OR r.firstSeen <= $toIso))
        ELSE (($fromMillis IS NULL OR r.lastAtMillis >= $fromMillis) AND ($toMillis IS NULL OR r.lastAtMillis <= $toMillis)) END
      ELSE (($fromIso IS NULL OR r.lastSeen >= $fromIso) AND ($toIso IS NULL OR r.firstSeen <= $toIso))
    END)
    RETURN {target: b.id, type: type(r), count: r.count}
  } AS links
