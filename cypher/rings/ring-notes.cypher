// The notes of several rings, oldest first.
UNWIND $ids AS ringId
MATCH (:Ring {id: ringId})-[:HAS_NOTE]->(n:RingNote)
WITH ringId, n ORDER BY n.at, n.id
RETURN ringId, collect(n {.*}) AS notes
