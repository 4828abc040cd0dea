// One alert per dedupe key: the constraint on it refuses a second one.
CREATE (a:Alert)
SET a = $alert
RETURN a {.*} AS alert
