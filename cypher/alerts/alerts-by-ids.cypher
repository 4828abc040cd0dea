UNWIND $ids AS id
MATCH (a:Alert {id: id})
RETURN a {.*} AS alert
