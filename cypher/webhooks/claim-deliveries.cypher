// Due deliveries (and any whose sender died while sending), leased to this sender for a while so
// that another instance does not send them at the same time.
MATCH (d:WebhookDelivery)
WHERE (d.status = 'PENDING' AND d.nextAttemptAt <= $now) OR (d.status = 'SENDING' AND d.leaseUntil <= $now)
WITH d ORDER BY d.nextAttemptAt LIMIT toInteger($limit)
SET d.status = 'SENDING', d.leaseUntil = $leaseUntil
RETURN d {.*} AS delivery
