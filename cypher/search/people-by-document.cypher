// Candidates whose document numbers share the query's words; the caller keeps exact matches.
CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: toInteger($limit)}) YIELD node
WHERE node:Person
RETURN node.id AS id, node.documentNumbers AS documentNumbers
