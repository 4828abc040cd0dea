// Extends the lease of the lock $name while $token holds it; no row when another holder
// took it over (the lease had run out), which tells the old holder it has lost the lock.
MATCH (lock:Lock {name: $name})
WHERE lock.token = $token
SET lock.expiresAt = timestamp() + $leaseMs
RETURN lock.expiresAt - timestamp() AS remainingMs
