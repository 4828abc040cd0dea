CREATE CONSTRAINT change_feed_pruner_id IF NOT EXISTS FOR (p:ChangeFeedPruner) REQUIRE p.id IS UNIQUE
