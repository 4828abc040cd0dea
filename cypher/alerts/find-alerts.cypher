// The alerts already raised for these dedupe keys, and the open alerts of these rings' rules:
// what one evaluation step's findings update rather than duplicate, read in one statement.
CALL {
  UNWIND $dedupeKeys AS dedupeKey
  MATCH (a:Alert {dedupeKey: dedupeKey})
  RETURN a
  UNION
  UNWIND $openRingKeys AS openRingKey
  MATCH (a:Alert {openRingKey: openRingKey})
  RETURN a
}
RETURN a {.*} AS alert
