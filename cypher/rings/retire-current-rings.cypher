// Rings of earlier runs stay as history, with their members; only the latest run's are current.
MATCH (r:Ring {current: true})
SET r.current = false
