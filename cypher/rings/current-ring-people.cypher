// The people of every current ring with the agency records they came from, so rings can be
// compared with a scenario's truth, which knows people only by their records.
MATCH (r:Ring {current: true})<-[:MEMBER_OF]-(p:Person)<-[:RECORDS]-(s:SourceRecord)
WITH r, p, collect({source: s.source, externalId: s.externalId}) AS refs
RETURN r.id AS ringId, r.score AS score, collect(refs) AS members
