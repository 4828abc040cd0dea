// What decides which of the given entities (by id, and phones by number) are protected. Protection
// follows the person, not the record: a person is protected when any record that is likely the
// same person is under 16 today ($minorBornAfter: born after this date) or in a case as VICTIM or
// SUSPECTED_VICTIM; a phone when one of its users is. Records merged into one entity are one node
// already; unmerged ones are found here as candidates: the same nameKey and birth date (by the
// person_name_key_birth index), a victim of the same birth date (person_birth_date), or a document
// found in the full-text index as a phrase: as
// written, run together, or kind and number as two words (the index splits "CCCD:0123" in two
// but keeps "PP:C123" one word). The documents go to Lucene 100 at a time (its clause limit is
// 1,024), one call per hundred rather than per document, which cost most of the lookup.
// One row: each entity's subjects (a person itself, a phone's users) with the facts that tell
// the same person, and the protected records among the subjects and candidates. The caller
// applies a protected record to a subject when it is the subject or shares a same-person key
// with it (src/resolution/core/same-person-keys.ts), so kind and number are compared in one place.
// Computed at read time, so a new birth date or case role counts at once.
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
CALL (e) {
  MATCH (e:Person)
  RETURN e AS subject
  UNION
  MATCH (subject:Person)-[:USES_PHONE]->(e:Phone)
  RETURN subject
}
WITH collect({id: e.id, e164: e.e164, subject: subject,
  facts: subject {.id, .nameKey, .dateOfBirth, .fullName, documentNumbers: coalesce(subject.documentNumbers, [])}}) AS rows
CALL (rows) {
  UNWIND rows AS row
  WITH DISTINCT row.subject AS subject
  OPTIONAL MATCH (record:Person {nameKey: subject.nameKey, dateOfBirth: subject.dateOfBirth})
  RETURN collect(DISTINCT subject) + collect(DISTINCT record) AS byName
}
// Victims born on a subject's birth date, for the caller to compare names one clerical slip apart
// (oneSlipApart): within a date, at most 500 records, as ring detection compares them; a date given to
// more (a placeholder for unknown dates) is skipped. Minors need no such look-up: a record of her birth
// date is as young as she is.
CALL (rows) {
  UNWIND rows AS row
  WITH DISTINCT row.subject.dateOfBirth AS born
  WHERE born IS NOT NULL AND born <> ''
  CALL (born) {
    MATCH (record:Person {dateOfBirth: born})
    WITH record LIMIT 501
    RETURN collect(record) AS sameDay
  }
  WITH sameDay WHERE size(sameDay) <= 500
  UNWIND sameDay AS record
  WITH record
  WHERE EXISTS { MATCH (record)-[r:INVOLVED_IN]->(:Case) WHERE r.role IN ['VICTIM', 'SUSPECTED_VICTIM'] }
  RETURN collect(DISTINCT record) AS byBirthDate
}
CALL (rows) {
  UNWIND rows AS row
  UNWIND coalesce(row.subject.documentNumbers, []) AS document
  WITH DISTINCT replace(replace(document, '\\', '\\\\'), '"', '\\"') AS written
  WHERE written =~ '(?s).*[\\p{L}\\p{N}].*'
  WITH written, replace(replace(replace(replace(written, ' ', ''), '.', ''), '-', ''), '/', '') AS together
  // Only the forms that the index could split otherwise: most documents ("CCCD:0123") need one phrase.
  UNWIND [written] + CASE WHEN together <> written THEN [together] ELSE [] END
    + CASE WHEN together =~ '(?s).*\\p{L}:\\p{L}.*' THEN [replace(together, ':', ' ')] ELSE [] END AS form
  WITH DISTINCT form
  WITH collect('"' + form + '"') AS phrases
  // range(0, -1, 100) is [0] in Cypher: no documents, no call.
  UNWIND CASE WHEN size(phrases) = 0 THEN [] ELSE range(0, size(phrases) - 1, 100) END AS start
  CALL db.index.fulltext.queryNodes('entity_search',
    'documentNumbers:(' + reduce(q = '', p IN phrases[start..start + 100] | q + CASE q WHEN '' THEN '' ELSE ' OR ' END + p) + ')')
    YIELD node
  WITH node WHERE node:Person
  RETURN collect(DISTINCT node) AS byDocument
}
CALL (byName, byDocument, byBirthDate) {
  UNWIND byName + byDocument + byBirthDate AS record
  WITH DISTINCT record
  WITH record,
    coalesce(record.dateOfBirth > $minorBornAfter, false) AS minor,
    EXISTS { MATCH (record)-[r:INVOLVED_IN]->(:Case) WHERE r.role IN ['VICTIM', 'SUSPECTED_VICTIM'] } AS victim
  WHERE minor OR victim
  RETURN collect(record {.id, .nameKey, .dateOfBirth, documentNumbers: coalesce(record.documentNumbers, []), minor: minor,
    victim: victim}) AS protectedRecords
}
RETURN [row IN rows | {id: row.id, e164: row.e164, subject: row.facts}] AS subjects, protectedRecords
