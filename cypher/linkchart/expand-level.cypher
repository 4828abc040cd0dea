// One breadth-first level of a chart and, when that completes the chart, the chart's contents,
// so that a chart whose last level fits its node budget costs no round trip of its own for them.
//
// Each node's degree per link type comes from the degree store (COUNT { } on a typed pattern),
// so a hub with 100,000 crossings costs no more than a leaf; its neighbours are walked only over
// the types given for it ($typesById[id], else $types) on which it is no hub (degree at most
// $supernodeDegree), in the time window, at most $perNode of them. One typed branch per link
// type, so a node never walks the relationships of a type it skips. Time window ($windowed):
// crossings by their `at`, calls by their `lastAt`, other links (and calls without a time) when
// their reported interval [firstSeen, lastSeen] meets the window.
//
// $lastLevel: the chart stops after this level. Then, when the new neighbours and the hub groups
// of this level fit in $room (what the node budget leaves after $chartIds), every one of them
// joins the chart (src/linkchart/expand-neighbourhood.ts adds in order until the budget is
// spent), so the chart is $chartIds plus them: `contents` holds each entity's label properties
// (the ones entityLabel reads), labels, current ring, and its links of $types in the window to
// other entities of the chart. Otherwise `contents` is null. With no $ids, it reads $chartIds.
UNWIND $ids AS id
MATCH (u:Entity {id: id})
WITH u, coalesce($typesById[id], $types) AS types, {
  USES_PHONE: COUNT { (u)-[:USES_PHONE]-() },
  CALLED: COUNT { (u)-[:CALLED]-() },
  RECRUITED_BY: COUNT { (u)-[:RECRUITED_BY]-() },
  KNOWS: COUNT { (u)-[:KNOWS]-() },
  RELATIVE_OF: COUNT { (u)-[:RELATIVE_OF]-() },
  INVOLVED_IN: COUNT { (u)-[:INVOLVED_IN]-() },
  OPERATES: COUNT { (u)-[:OPERATES]-() },
  MADE: COUNT { (u)-[:MADE]-() },
  AT: COUNT { (u)-[:AT]-() }
} AS degrees
CALL (u, types, degrees) {
  CALL (u, types, degrees) {
    WITH u, types, degrees WHERE 'USES_PHONE' IN types AND degrees.USES_PHONE <= $supernodeDegree
    MATCH (u)-[r:USES_PHONE]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, types, degrees WHERE 'CALLED' IN types AND degrees.CALLED <= $supernodeDegree
    MATCH (u)-[r:CALLED]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, types, degrees WHERE 'RECRUITED_BY' IN types AND degrees.RECRUITED_BY <= $supernodeDegree
    MATCH (u)-[r:RECRUITED_BY]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, types, degrees WHERE 'KNOWS' IN types AND degrees.KNOWS <= $supernodeDegree
    MATCH (u)-[r:KNOWS]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, types, degrees WHERE 'RELATIVE_OF' IN types AND degrees.RELATIVE_OF <= $supernodeDegree
    MATCH (u)-[r:RELATIVE_OF]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, types, degrees WHERE 'INVOLVED_IN' IN types AND degrees.INVOLVED_IN <= $supernodeDegree
    MATCH (u)-[r:INVOLVED_IN]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, types, degrees WHERE 'OPERATES' IN types AND degrees.OPERATES <= $supernodeDegree
    MATCH (u)-[r:OPERATES]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, types, degrees WHERE 'MADE' IN types AND degrees.MADE <= $supernodeDegree
    MATCH (u)-[r:MADE]-(v:Entity)
    RETURN r, v
    UNION ALL
    WITH u, types, degrees WHERE 'AT' IN types AND degrees.AT <= $supernodeDegree
    MATCH (u)-[r:AT]-(v:Entity)
    RETURN r, v
  }
  WITH r, v WHERE NOT $windowed OR (CASE type(r)
    WHEN 'MADE' THEN (($fromMillis IS NULL OR endNode(r).atMillis >= $fromMillis) AND ($toMillis IS NULL OR endNode(r).atMillis <= $toMillis))
    WHEN 'AT' THEN (($fromMillis IS NULL OR startNode(r).atMillis >= $fromMillis) AND ($toMillis IS NULL OR startNode(r).atMillis <= $toMillis))
    WHEN 'CALLED' THEN CASE WHEN r.lastAtMillis IS NULL
      THEN (($fromIso IS NULL OR r.lastSeen >= $fromIso) AND ($toIso IS NULL OR r.firstSeen <= $toIso))
      ELSE (($fromMillis IS NULL OR r.lastAtMillis >= $fromMillis) AND ($toMillis IS NULL OR r.lastAtMillis <= $toMillis)) END
    ELSE (($fromIso IS NULL OR r.lastSeen >= $fromIso) AND ($toIso IS NULL OR r.firstSeen <= $toIso))
  END)
  WITH DISTINCT v
  ORDER BY v.id
  LIMIT toInteger($perNode)
  RETURN collect(v.id) AS neighbours
}
WITH collect({id: u.id, labels: labels(u), degrees: degrees, neighbours: neighbours}) AS rows
CALL (rows) {
  WITH rows WHERE $lastLevel
  UNWIND rows AS row
  UNWIND row.neighbours AS neighbour
  WITH DISTINCT neighbour WHERE NOT neighbour IN $chartIds
  RETURN collect(neighbour) AS added
}
WITH rows, added,
  $lastLevel AND size(added) + reduce(hubs = 0, row IN rows | hubs + size([t IN $types WHERE row.degrees[t] > $supernodeDegree])) <= $room AS complete
CALL (added, complete) {
  WITH $chartIds + added AS chart WHERE complete
  UNWIND chart AS id
  MATCH (e:Entity {id: id})
  RETURN collect({
    props: e {.id, .fullName, .e164, .name, .caseNumber, .title, .direction, .country, .at},
    labels: labels(e),
    ringId: COLLECT { MATCH (e)-[:MEMBER_OF]->(ring:Ring) WHERE ring.current = true RETURN ring.id ORDER BY ring.id }[0],
    links: COLLECT {
      MATCH (e)-[r:USES_PHONE|CALLED|RECRUITED_BY|KNOWS|RELATIVE_OF|INVOLVED_IN|OPERATES|MADE|AT]->(b:Entity)
      WHERE b.id IN chart AND type(r) IN $types AND (NOT $windowed OR CASE type(r)
        WHEN 'MADE' THEN (($fromMillis IS NULL OR endNode(r).atMillis >= $fromMillis) AND ($toMillis IS NULL OR endNode(r).atMillis <= $toMillis))
        WHEN 'AT' THEN (($fromMillis IS NULL OR startNode(r).atMillis >= $fromMillis) AND ($toMillis IS NULL OR startNode(r).atMillis <= $toMillis))
        WHEN 'CALLED' THEN CASE WHEN r.lastAtMillis IS NULL
          THEN (($fromIso IS NULL OR r.lastSeen >= $fromIso) AND ($toIso IS NULL OR r.firstSeen <= $toIso))
          ELSE (($fromMillis IS NULL OR r.lastAtMillis >= $fromMillis) AND ($toMillis IS NULL OR r.lastAtMillis <= $toMillis)) END
        ELSE (($fromIso IS NULL OR r.lastSeen >= $fromIso) AND ($toIso IS NULL OR r.firstSeen <= $toIso))
      END)
      RETURN {target: b.id, type: type(r), count: r.count}
    }
  }) AS contents
}
RETURN rows, CASE WHEN complete THEN contents END AS contents
