MATCH (p:Phone {e164: $e164})
RETURN p.id AS id
