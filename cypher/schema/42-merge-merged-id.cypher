CREATE INDEX merge_merged_id IF NOT EXISTS FOR (m:Merge) ON (m.mergedId)
