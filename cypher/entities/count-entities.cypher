MATCH (e:Entity)
RETURN count(e) AS total
