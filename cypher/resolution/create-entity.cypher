// Recreates an entity from its snapshot: its labels and typed properties.
CREATE (e:$($labels))
FOREACH (p IN $props |
  SET e[p.key] = CASE
    WHEN p.type STARTS WITH 'INTEGER' THEN toInteger(p.value)
    WHEN p.type STARTS WITH 'LIST<INTEGER' THEN [x IN p.value | toInteger(x)]
    ELSE p.value
  END)
RETURN e.id AS id
