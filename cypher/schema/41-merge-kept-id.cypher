CREATE INDEX merge_kept_id IF NOT EXISTS FOR (m:Merge) ON (m.keptId)
