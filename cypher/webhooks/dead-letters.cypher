MATCH (d:WebhookDelivery {status: 'DEAD'})
RETURN d {.*} AS delivery
ORDER BY d.createdAt DESC
LIMIT toInteger($limit)
