CREATE TEXT INDEX person_folded_name_text IF NOT EXISTS FOR (p:Person) ON (p.foldedName)
