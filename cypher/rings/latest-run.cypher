MATCH (run:DetectionRun)
WHERE run.finishedAt IS NOT NULL
RETURN run {.*} AS run
ORDER BY run.startedAt DESC
LIMIT 1
