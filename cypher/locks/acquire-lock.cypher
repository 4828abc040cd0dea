// Takes the lock $name for $token when nobody holds it, its lease has run out, or $token
// holds it already. The clock is the database's (timestamp()), so instances whose clocks
// disagree still agree on when a lease ends. MERGE under the name's uniqueness constraint
// creates the node once however many instances ask at once; the SET that follows takes
// the node's write lock before the holder is read, so two instances can never both read
// it free: the second waits for the first to commit, then reads its token.
MERGE (lock:Lock {name: $name})
SET lock.askedAt = timestamp()
WITH lock, timestamp() AS now
WITH lock, now, lock.token IS NULL OR lock.expiresAt <= now OR lock.token = $token AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
  SET lock.token = $token, lock.holder = $holder, lock.acquiredAt = now, lock.expiresAt = now + $leaseMs
)
RETURN free AS acquired, lock.holder AS holder, lock.expiresAt - now AS remainingMs
