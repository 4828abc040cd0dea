// Unfiltered degree of each frontier node per link type. COUNT { } on a typed pattern is
// answered from the degree store, so a hub with 100,000 crossings costs no more than a leaf.
UNWIND $ids AS id
MATCH (u:Entity {id: id})
RETURN u.id AS id, labels(u) AS labels, {
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
