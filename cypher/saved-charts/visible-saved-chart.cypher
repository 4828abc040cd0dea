// A saved chart the viewer may open: theirs, shared with them by name, or with their agency.
MATCH (c:SavedChart {id: $id})
WHERE c.owner = $sub OR $sub IN c.sharedUsers OR ($agency IS NOT NULL AND $agency IN c.sharedAgencies)
RETURN c {.*} AS chart
