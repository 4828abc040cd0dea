// Whether a store is empty, before a bulk load may replace it.
MATCH (n)
RETURN count(n) AS nodes
