CREATE (run:DetectionRun {id: $run.id})
SET run += $run
