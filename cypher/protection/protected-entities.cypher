// Which of the given entities (by id, and phones by number) are protected, and why: a person
// under 16 today ($minorBornAfter: born after this date) or in a case as VICTIM or
// SUSPECTED_VICTIM; a phone when a person it is used by is protected. Computed at read time,
// so a new birth date or case role counts at once. Only protected entities are returned.
CALL () {
  UNWIND $ids AS id
  MATCH (e:Entity {id: id})
  RETURN e
  UNION
  UNWIND $numbers AS number
  MATCH (e:Phone {e164: number})
  RETURN e
}
WITH e WHERE e:Person OR e:Phone
WITH e,
  coalesce(e:Person AND e.dateOfBirth > $minorBornAfter, false)
    OR EXISTS { MATCH (u:Person)-[:USES_PHONE]->(e) WHERE u.dateOfBirth > $minorBornAfter } AS minor,
  EXISTS { MATCH (e:Person)-[r:INVOLVED_IN]->(:Case) WHERE r.role IN ['VICTIM', 'SUSPECTED_VICTIM'] }
    OR EXISTS { MATCH (:Case)<-[r:INVOLVED_IN]-(:Person)-[:USES_PHONE]->(e) WHERE r.role IN ['VICTIM', 'SUSPECTED_VICTIM'] } AS victim
WHERE minor OR victim
RETURN e.id AS id, e.e164 AS e164, minor, victim
