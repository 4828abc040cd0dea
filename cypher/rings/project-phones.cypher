// Phones, read like project-people.cypher; their users and calls are counted from the link
// rows, which the projection reads anyway.
MATCH (ph:Phone)
WHERE id(ph) >= $from AND id(ph) < $to
WITH id(ph) / toInteger($bucketSize) AS bucket, ph
RETURN bucket, collect(id(ph)) AS nodes, collect(ph.id) AS ids, collect(ph.e164) AS labels
