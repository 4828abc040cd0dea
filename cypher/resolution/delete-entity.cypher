// Deletes a merged-away person with its remaining relationships (already moved or recorded).
MATCH (e:Person:Entity {id: $id})
DETACH DELETE e
RETURN count(*) AS deleted
