CREATE INDEX person_folded_name IF NOT EXISTS FOR (p:Person) ON (p.foldedName)
