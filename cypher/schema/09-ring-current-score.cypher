CREATE INDEX ring_current_score IF NOT EXISTS FOR (r:Ring) ON (r.current, r.score)
