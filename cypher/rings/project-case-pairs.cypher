// People who share a case as suspects or (suspected) victims, one row per pair with the
// number of such cases. Witnesses and reporters (often a victim's family) are left out: they
// do not tie anyone to a ring. Cases with more such people than $maxCaseSize (a mass
// incident) say little about who works together.
MATCH (c:Case)<-[r:INVOLVED_IN]-(p:Person)
WHERE r.role IN ['SUSPECT', 'VICTIM', 'SUSPECTED_VICTIM']
WITH c, collect(DISTINCT id(p)) AS people
WHERE size(people) >= 2 AND size(people) <= $maxCaseSize
UNWIND range(0, size(people) - 2) AS i
UNWIND range(i + 1, size(people) - 1) AS j
WITH people[i] AS a, people[j] AS b
RETURN CASE WHEN a < b THEN a ELSE b END AS source, CASE WHEN a < b THEN b ELSE a END AS target, count(*) AS count
