MATCH (m:Merge {id: $id})
WHERE m.undoneAt IS NULL
SET m.undoneAt = $at, m.undoneBy = $by
RETURN m.id AS id
