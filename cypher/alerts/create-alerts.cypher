// One evaluation step's new alerts. One alert per dedupe key: the constraint on it refuses a second.
UNWIND $alerts AS alert
CREATE (a:Alert)
SET a = alert
