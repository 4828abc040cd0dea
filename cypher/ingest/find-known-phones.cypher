// Phones are named by number whoever sent them.
UNWIND $numbers AS number
MATCH (e:Phone {e164: number})
RETURN 'PHONE||' + number AS key, e.id AS id, null AS dateOfBirth
