// The baseline the ingest benchmark compares with: the same rows written by one plain
// UNWIND per section, without validation, provenance or idempotency.
UNWIND $rows AS row
MERGE (e:BenchEntity {key: row.key})
SET e += row.props
