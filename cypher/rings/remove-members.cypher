// Members a continuing ring no longer has, or has in another role (write-members adds them back).
UNWIND $members AS member
MATCH (:Entity {id: member.entityId})-[m:MEMBER_OF]->(:Ring {id: member.ringId})
DELETE m
