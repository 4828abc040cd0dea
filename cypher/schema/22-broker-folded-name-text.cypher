CREATE TEXT INDEX broker_folded_name_text IF NOT EXISTS FOR (b:Broker) ON (b.foldedName)
