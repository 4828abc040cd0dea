// The rings of the last $runs detection runs that are no longer current, with their members as
// they stood when retired: a community of the next run that matches no current ring may take one's
// id and verdict back, so a run at another resolution does not cost a ring its history.
MATCH (run:DetectionRun)
WITH run
ORDER BY run.startedAt DESC
LIMIT toInteger($runs)
MATCH (r:Ring {current: false})-[:FOUND_IN]->(run)
WITH DISTINCT r
OPTIONAL MATCH (e:Entity)-[:MEMBER_OF]->(r)
RETURN r.id AS id, collect(e.id) AS memberEntityIds, r.status AS status, r.statusNote AS statusNote
