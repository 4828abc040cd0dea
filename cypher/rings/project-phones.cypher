MATCH (ph:Phone)
CALL (ph) {
  OPTIONAL MATCH (ph)-[c:CALLED]-(:Phone)
  RETURN coalesce(sum(c.count), 0) AS calls
}
RETURN id(ph) AS node, ph.id AS id, ph.e164 AS label, COUNT { (ph)<-[:USES_PHONE]-() } AS users, calls
