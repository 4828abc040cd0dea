MATCH (b:Broker)
RETURN id(b) AS node, b.id AS id, b.name AS label, b.brokerKind AS brokerKind, coalesce(b.licenseStatus, 'NONE') AS licenseStatus
