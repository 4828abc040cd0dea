// Protection compares the names of records of one birth date for a clerical slip
// (cypher/protection/protected-entities.cypher); the (nameKey, dateOfBirth) index cannot seek by date alone.
CREATE INDEX person_birth_date IF NOT EXISTS FOR (p:Person) ON (p.dateOfBirth)
