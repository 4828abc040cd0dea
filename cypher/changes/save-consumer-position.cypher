MATCH (c:ChangeConsumer {name: $name})
SET c.position = $position, c.updatedAt = $now
