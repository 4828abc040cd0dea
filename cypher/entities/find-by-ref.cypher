MATCH (:SourceRecord {key: $key})-[:RECORDS]->(e:Entity)
RETURN e.id AS id
UNION
MATCH (e:Phone {e164: $e164})
RETURN e.id AS id
