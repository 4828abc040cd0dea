CREATE CONSTRAINT change_feed_head_id IF NOT EXISTS FOR (h:ChangeFeedHead) REQUIRE h.id IS UNIQUE
