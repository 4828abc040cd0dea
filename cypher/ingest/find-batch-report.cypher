MATCH (b:IngestBatch {key: $key})
RETURN b.report AS report
