// Which of these ids name an entity or a ring that exists.
UNWIND $ids AS id
RETURN id, EXISTS { MATCH (:Entity {id: id}) } OR EXISTS { MATCH (:Ring {id: id}) } AS present
