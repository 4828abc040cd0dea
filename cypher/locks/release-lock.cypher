// Frees the lock $name if $token still holds it; a holder that lost it frees nothing. The
// write comes first and takes the node's write lock, so the token is read after any takeover
// that was committing meanwhile. The node stays, so the next MERGE finds it rather than
// racing to create it.
MATCH (lock:Lock {name: $name})
SET lock.releaseAskedAt = timestamp()
WITH lock
WHERE lock.token = $token
REMOVE lock.token, lock.holder, lock.expiresAt
SET lock.releasedAt = timestamp()
RETURN count(*) AS released
