UNWIND $members AS member
MATCH (r:Ring {id: member.ringId})
MATCH (e:Entity {id: member.entityId})
CREATE (e)-[:MEMBER_OF {role: member.role}]->(r)
