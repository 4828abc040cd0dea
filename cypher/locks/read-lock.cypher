// Who holds the lock $name and for how much longer, for logs and tests; no row when it was
// never taken, null values when it is free or its lease has run out.
MATCH (lock:Lock {name: $name})
WITH lock, timestamp() AS now
WITH lock, now, lock.token IS NOT NULL AND lock.expiresAt > now AS held
RETURN CASE WHEN held THEN lock.holder END AS holder, CASE WHEN held THEN lock.expiresAt - now END AS remainingMs
