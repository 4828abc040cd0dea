MATCH (w:Watch {owner: $owner})
RETURN w {.*} AS watch
ORDER BY w.createdAt DESC
