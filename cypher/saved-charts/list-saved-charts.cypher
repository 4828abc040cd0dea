// The saved charts a viewer may open, newest first.
MATCH (c:SavedChart)
WHERE c.owner = $sub OR $sub IN c.sharedUsers OR ($agency IS NOT NULL AND $agency IN c.sharedAgencies)
RETURN c {.*} AS chart
ORDER BY c.updatedAt DESC, c.id
LIMIT toInteger($limit)
