// A note on a ring, kept with the ring's node (and so across runs that carry the ring over).
MATCH (r:Ring {id: $id})
CREATE (r)-[:HAS_NOTE]->(n:RingNote {id: $noteId, author: $author, at: $at, text: $text})
RETURN n {.*} AS note
