// Person records that are likely one real person, sent by different agencies: the same
// name (any order, no diacritics) and birth date, or a shared document number. Groups over
// $maxGroup are common names or shared documents of an office, not one person.
CALL () {
  MATCH (p:Person)
  WHERE p.nameKey IS NOT NULL AND p.dateOfBirth IS NOT NULL
  WITH p.nameKey AS name, p.dateOfBirth AS born, collect(id(p)) AS people
  WHERE size(people) >= 2 AND size(people) <= $maxGroup
  RETURN people
  UNION ALL
  MATCH (p:Person)
  UNWIND p.documentNumbers AS document
  WITH document, collect(DISTINCT id(p)) AS people
  WHERE size(people) >= 2 AND size(people) <= $maxGroup
  RETURN people
}
UNWIND range(0, size(people) - 2) AS i
UNWIND range(i + 1, size(people) - 1) AS j
WITH people[i] AS a, people[j] AS b
RETURN CASE WHEN a < b THEN a ELSE b END AS source, CASE WHEN a < b THEN b ELSE a END AS target, count(*) AS count
