// People with the facts that scoring needs, and what tells two records of one person apart
// from two people (nameKey, birth date, documents: same-person-evidence.ts groups them); id(p)
// keys the narrow edge rows. Read one range of node ids at a time, as a record per bucket of
// ids holding parallel lists (see project-links.cypher for why); '' (or [] for documents)
// stands for a missing value, which collect() would drop and so misalign the lists. Case roles
// come from project-case-roles: one pass over the few case ties is far cheaper than a subquery
// for each of a city's people.
MATCH (p:Person)
WHERE id(p) >= $from AND id(p) < $to
WITH id(p) / toInteger($bucketSize) AS bucket, p
RETURN bucket, collect(id(p)) AS nodes, collect(p.id) AS ids, collect(coalesce(p.fullName, '')) AS labels,
       collect(coalesce(p.dateOfBirth, '')) AS datesOfBirth, collect(coalesce(p.nameKey, '')) AS nameKeys,
       collect(coalesce(p.documentNumbers, [])) AS documents
