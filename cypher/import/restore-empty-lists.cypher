// Neo4j's importer stores no property for an empty list, where the ingest stores []: a person
// without documents gets documentNumbers = [] after a bulk load, as after an ingest.
MATCH (p:Person)
WHERE p.documentNumbers IS NULL
CALL {
  WITH p
  SET p.documentNumbers = []
} IN TRANSACTIONS OF 10000 ROWS
