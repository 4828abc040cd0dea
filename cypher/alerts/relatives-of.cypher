// Each person's relatives on record: one expansion per person, so a busy checkpoint costs as
// many reads as it has minors, not minors times adults.
UNWIND $personIds AS personId
MATCH (:Person {id: personId})-[:RELATIVE_OF]-(relative:Person)
RETURN personId, collect(DISTINCT relative.id) AS relatives
