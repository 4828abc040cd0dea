// Extends the lease of the lock $name while $token holds it; no row when another holder
// took it over (the lease had run out), which tells the old holder it has lost the lock.
// The write comes first and takes the node's write lock, so the token is read after any
// takeover that was committing meanwhile (a filter read before it would extend the new
// holder's lease and tell the old one it still holds the lock).
MATCH (lock:Lock {name: $name})
SET lock.renewAskedAt = timestamp()
WITH lock
WHERE lock.token = $token
SET lock.expiresAt = timestamp() + $leaseMs
RETURN lock.expiresAt - timestamp() AS remainingMs
