// A ring's open alert brought up to date by a new finding (or a minor's exit alert by a worse one).
MATCH (a:Alert {id: $id})
SET a += $changes
RETURN a {.*} AS alert
