CREATE INDEX crossing_time IF NOT EXISTS FOR (c:BorderCrossing) ON (c.atMillis)
