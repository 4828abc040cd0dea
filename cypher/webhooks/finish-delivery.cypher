MATCH (d:WebhookDelivery {id: $id})
SET d += $changes
