CREATE INDEX alert_raised_at IF NOT EXISTS FOR (a:Alert) ON (a.raisedAt)
