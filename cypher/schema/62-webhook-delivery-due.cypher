CREATE INDEX webhook_delivery_due IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.status, d.nextAttemptAt)
