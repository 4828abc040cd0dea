// The brokers among the touched nodes, as project-brokers.cypher reads them.
UNWIND $nodes AS node
MATCH (b:Broker)
WHERE id(b) = node
RETURN id(b) AS node, b.id AS id, b.name AS label, b.brokerKind AS brokerKind,
       coalesce(b.licenseStatus, 'NONE') AS licenseStatus
