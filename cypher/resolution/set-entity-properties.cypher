// Sets typed properties ({key, type, value}; integers stay integers) and removes others.
MATCH (e:Entity {id: $id})
FOREACH (p IN $set |
  SET e[p.key] = CASE
    WHEN p.type STARTS WITH 'INTEGER' THEN toInteger(p.value)
    WHEN p.type STARTS WITH 'LIST<INTEGER' THEN [x IN p.value | toInteger(x)]
    ELSE p.value
  END)
FOREACH (key IN $remove | SET e[key] = null)
RETURN e.id AS id
