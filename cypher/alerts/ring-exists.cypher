MATCH (r:Ring {id: $id})
RETURN r.id AS id
