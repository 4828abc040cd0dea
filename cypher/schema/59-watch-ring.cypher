CREATE INDEX watch_ring IF NOT EXISTS FOR (w:Watch) ON (w.ringId)
