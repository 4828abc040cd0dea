CREATE INDEX person_name_key_birth IF NOT EXISTS FOR (p:Person) ON (p.nameKey, p.dateOfBirth)
