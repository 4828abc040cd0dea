CREATE INDEX alert_open_ring IF NOT EXISTS FOR (a:Alert) ON (a.openRingKey)
