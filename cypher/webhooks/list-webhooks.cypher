MATCH (w:Webhook)
RETURN w {.*} AS webhook
ORDER BY w.agency
