// The owner deletes a chart; no row when it is not theirs.
MATCH (c:SavedChart {id: $id, owner: $sub})
WITH c, c.id AS id
DELETE c
RETURN id
