MATCH (r:Ring {id: $id})
SET r.status = $status, r.statusNote = $note, r.statusBy = $by, r.statusAt = $at
RETURN r {.*} AS ring
