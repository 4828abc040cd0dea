OPTIONAL MATCH (c:ChangeConsumer {name: $name})
RETURN coalesce(c.position, 0) AS position
