MERGE (w:Webhook {agency: $agency})
  ON CREATE SET w.createdAt = $now
SET w.url = $url, w.secret = $secret, w.clearance = $clearance, w.rules = $rules, w.updatedAt = $now
RETURN w {.*} AS webhook
