// Who watches any of these entities or rings.
UNWIND $ids AS id
MATCH (w:Watch)
WHERE w.entityId = id OR w.ringId = id
RETURN id, collect(DISTINCT w.owner) AS owners
