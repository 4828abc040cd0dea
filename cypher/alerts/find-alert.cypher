MATCH (a:Alert {dedupeKey: $dedupeKey})
RETURN a {.*} AS alert
