// The owner replaces whom a chart is shared with; no row when it is not theirs.
MATCH (c:SavedChart {id: $id, owner: $sub})
SET c.sharedUsers = $users, c.sharedAgencies = $agencies, c.updatedAt = $now
RETURN c {.*} AS chart
