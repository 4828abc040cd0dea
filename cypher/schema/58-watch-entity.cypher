CREATE INDEX watch_entity IF NOT EXISTS FOR (w:Watch) ON (w.entityId)
