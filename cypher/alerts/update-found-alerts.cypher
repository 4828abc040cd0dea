// Alerts brought up to date by one evaluation step's findings: a ring's open alert by new
// activity, a minor's exit alert by a worse finding.
UNWIND $updates AS update
MATCH (a:Alert {id: update.id})
SET a += update.changes
