MATCH (run:DetectionRun {id: $runId})
SET run.finishedAt = $finishedAt, run.ringCount = $ringCount, run.timings = $timings
RETURN run {.*} AS run
