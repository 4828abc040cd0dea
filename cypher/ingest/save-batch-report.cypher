MATCH (b:IngestBatch {key: $key})
SET b.report = $report, b.finishedAt = $now
