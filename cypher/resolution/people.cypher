// Every person entity with what entity resolution compares; streamed, one narrow row each.
MATCH (p:Person)
RETURN p.id AS id, p.fullName AS fullName, p.dateOfBirth AS dateOfBirth, p.sex AS sex,
       coalesce(p.documentNumbers, []) AS documentNumbers, p.province AS province,
       COLLECT { MATCH (p)-[:USES_PHONE]->(phone:Phone) RETURN DISTINCT phone.e164 } AS phones,
       COUNT { (:SourceRecord)-[:RECORDS]->(p) } AS records
