// The open alert of a rule about a ring, which new findings update rather than duplicate.
MATCH (a:Alert {openRingKey: $openRingKey})
RETURN a {.*} AS alert
