MATCH (w:Webhook {agency: $agency})
DELETE w
RETURN count(*) AS removed
