// Each person's relatives on record: one expansion per person (found by the entity id's unique
// index), so a busy checkpoint costs as many reads as it has minors, not minors times adults.
UNWIND $personIds AS personId
MATCH (person:Entity {id: personId})-[:RELATIVE_OF]-(relative:Person)
WHERE person:Person
RETURN personId, collect(DISTINCT relative.id) AS relatives
