// People and brokers whose folded name has every word of the query as a word prefix
// ($lucene is built from folded words only: letters and digits, nothing to escape).
CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: toInteger($limit)}) YIELD node, score
WHERE node:Person OR node:Broker
RETURN node.id AS id, node.foldedName AS foldedName, score
