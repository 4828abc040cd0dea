// Whether any delivery is due: a read, so an idle sender takes no write lock.
MATCH (d:WebhookDelivery)
WHERE (d.status = 'PENDING' AND d.nextAttemptAt <= $now) OR (d.status = 'SENDING' AND d.leaseUntil <= $now)
RETURN count(d) > 0 AS due
