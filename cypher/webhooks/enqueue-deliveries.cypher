// Deliveries are written with the alerts they carry, in the evaluator's transaction: an alert
// raised is an alert queued for every agency, even if the service stops right after.
UNWIND $deliveries AS delivery
MERGE (d:WebhookDelivery {id: delivery.id})
  ON CREATE SET d += delivery
