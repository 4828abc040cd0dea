MATCH (w:Watch {id: $id, owner: $owner})
DELETE w
RETURN count(*) AS deleted
